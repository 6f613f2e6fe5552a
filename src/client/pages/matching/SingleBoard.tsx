import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate, Candidates, MatchingBoard } from '../../../shared/matching.ts';
import { MatchingLimits } from '../../../shared/matching.ts';
import { api } from '../../api.ts';
import { Form, SubmitButton } from '../../components/Form.tsx';
import { Loading } from '../../components/Page.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { ScrollableTable } from '../../components/ScrollableTable.tsx';
import { useAction } from '../../hooks.ts';
import { Distance, PersonCell, useConstraintText, useScore, Why } from './MatchParts.tsx';
import { candidatesSchema, publishResultSchema } from './matchingApi.ts';

/**
 * Continuous programmes (seed 000, 004): one adept at a time. The waiting adepts; for the one chosen,
 * the five best mentors with why, any of whom the coordinator picks, checks and publishes.
 */
export function SingleBoard({
  board,
  organisationId,
  adeptId,
  onChooseAdept,
  onChanged,
}: {
  board: MatchingBoard;
  organisationId: string;
  /** The adept whose mentors are shown, if any. */
  adeptId: string | null;
  onChooseAdept(adeptId: string | null): void;
  onChanged(message: string): void;
}) {
  const { t } = useTranslation();
  const waiting = board.waitingAdepts.filter(
    (a) => organisationId === '' || a.organisation.id === organisationId,
  );
  return (
    <>
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t('matching.single.waitingTitle')}</h2>
        {waiting.length === 0 ? (
          <p>{t('matching.single.none')}</p>
        ) : (
          <ScrollableTable
            caption={t('matching.single.waitingCaption', { count: waiting.length })}
            className="stack-table"
          >
            <thead>
              <tr>
                <th scope="col">{t('matching.proposals.adept')}</th>
                <th scope="col">{t('matching.proposals.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((adept) => (
                <tr key={adept.id}>
                  <td data-label={t('matching.proposals.adept')}>
                    <PersonCell person={adept} />
                  </td>
                  <td data-label={t('matching.proposals.actions')}>
                    <button
                      type="button"
                      id={`find-button-${adept.id}`}
                      className={
                        adept.id === adeptId ? 'button button-small button-primary' : 'button button-small'
                      }
                      aria-pressed={adept.id === adeptId}
                      onClick={() => onChooseAdept(adept.id)}
                    >
                      {t('matching.single.find')}
                      <span className="visually-hidden"> – {adept.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollableTable>
        )}
      </section>
      {adeptId && board.waitingAdepts.some((a) => a.id === adeptId) && (
        <CandidatesSection key={adeptId} board={board} adeptId={adeptId} onChanged={onChanged} />
      )}
    </>
  );
}

function CandidatesSection({
  board,
  adeptId,
  onChanged,
}: {
  board: MatchingBoard;
  adeptId: string;
  onChanged(message: string): void;
}) {
  const { t } = useTranslation();
  const load = useAction();
  const [data, setData] = useState<Candidates | null>(null);
  const [showAll, setShowAll] = useState(false);
  const [chosen, setChosen] = useState<Candidate | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const constraintText = useConstraintText();

  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per adept
  useEffect(() => {
    void load.run(async () => {
      setData(
        await api.post(
          `/api/programmes/${board.programme.id}/matching/candidates`,
          { adeptId, roundId: null },
          candidatesSchema,
        ),
      );
      heading.current?.focus();
    });
  }, [adeptId]);

  if (load.problem) return <ProblemMessage problem={load.problem} />;
  if (data === null) return <Loading />;
  const allowed = data.candidates.filter((c) => c.constraints.length === 0);
  const best = allowed.slice(0, MatchingLimits.bestMentors);
  const rest = allowed.slice(MatchingLimits.bestMentors);
  const excluded = data.candidates.filter((c) => c.constraints.length > 0);
  return (
    <section aria-labelledby="candidates-title" className="candidates">
      <h2 id="candidates-title" tabIndex={-1} ref={heading}>
        {t('matching.single.candidatesTitle', { adept: data.adept.name })}
      </h2>
      {chosen ? (
        <PublishPick
          board={board}
          runId={data.runId}
          adept={data.adept}
          candidate={chosen}
          onCancel={() => setChosen(null)}
          onChanged={onChanged}
        />
      ) : (
        <>
          <p>{t('matching.single.candidatesIntro')}</p>
          {allowed.length === 0 && <p>{t('matching.single.noneAllowed', { adept: data.adept.name })}</p>}
          <ol className="card-list candidate-list">
            {[...best, ...(showAll ? rest : [])].map((c) => (
              <CandidateCard
                key={c.mentor.id}
                adept={data.adept.name}
                candidate={c}
                onChoose={() => setChosen(c)}
              />
            ))}
          </ol>
          {(rest.length > 0 || excluded.length > 0) && !showAll && (
            <button type="button" className="button" onClick={() => setShowAll(true)}>
              {t('matching.single.showAll', { count: data.candidates.length })}
            </button>
          )}
          {showAll && excluded.length > 0 && (
            <>
              <h3>{t('matching.single.excludedTitle')}</h3>
              <ul className="plain-list">
                {excluded.map((c) => (
                  <li key={c.mentor.id}>
                    <PersonCell person={c.mentor} />{' '}
                    <span className="match-warning">{constraintText(c.constraints)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function CandidateCard({
  adept,
  candidate,
  onChoose,
}: {
  adept: string;
  candidate: Candidate;
  onChoose(): void;
}) {
  const { t } = useTranslation();
  const score = useScore();
  return (
    <li className="card candidate">
      <div className="candidate-head">
        <p>
          <PersonCell person={candidate.mentor} />
        </p>
        <p className="match-score">{score(candidate.score)}</p>
      </div>
      <p className="match-meta">
        <Distance km={candidate.distanceKm} /> ·{' '}
        {t('matching.single.free', { count: candidate.freeCapacity })}
      </p>
      <Why
        label={t('matching.proposals.whyFor', { adept, mentor: candidate.mentor.name })}
        explanation={candidate.explanation}
        breakdown={candidate.breakdown}
        score={candidate.score}
      />
      <button type="button" className="button button-small" onClick={onChoose}>
        {t('matching.single.choose', { mentor: candidate.mentor.name })}
      </button>
    </li>
  );
}

/** Check before publishing one pair: who gets mailed, and who makes contact. */
function PublishPick({
  board,
  runId,
  adept,
  candidate,
  onCancel,
  onChanged,
}: {
  board: MatchingBoard;
  runId: string;
  adept: { id: string; name: string };
  candidate: Candidate;
  onCancel(): void;
  onChanged(message: string): void;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const names = { adept: adept.name, mentor: candidate.mentor.name };
  const contact = t(
    board.programme.firstContact === 'adept'
      ? 'matching.publish.contactAdept'
      : 'matching.publish.contactMentor',
  );
  return (
    <div className="decision-panel">
      <h3 tabIndex={-1} ref={heading}>
        {t('matching.single.checkTitle', names)}
      </h3>
      <p>{t('matching.single.checkIntro', { ...names, contact })}</p>
      <Form
        action={action}
        idPrefix="pick"
        onSubmit={async () => {
          await api.post(
            `/api/matching-runs/${runId}/publish`,
            { pairs: [{ adeptId: adept.id, mentorId: candidate.mentor.id }] },
            publishResultSchema,
          );
          const next = t(
            board.programme.firstContact === 'adept'
              ? 'matching.publish.nextAdept'
              : 'matching.publish.nextMentor',
          );
          onChanged(`${t('matching.single.done', names)} ${t('matching.publish.next', { contact: next })}`);
        }}
      >
        <div className="form-actions">
          <SubmitButton action={action}>{t('matching.single.confirm')}</SubmitButton>
          <button type="button" className="button" onClick={onCancel}>
            {t('matching.decide.cancel')}
          </button>
        </div>
      </Form>
    </div>
  );
}
