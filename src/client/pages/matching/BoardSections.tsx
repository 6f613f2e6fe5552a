import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchingBoard, MatchingRun, PublishResult } from '../../../shared/matching.ts';
import { api } from '../../api.ts';
import { Form, SubmitButton } from '../../components/Form.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { ScrollableTable } from '../../components/ScrollableTable.tsx';
import { formatDateTime } from '../../format.ts';
import { useAction, useLocale } from '../../hooks.ts';
import { PersonCell, useConstraintText, useScore, Why } from './MatchParts.tsx';
import { publishResultSchema, runSchema } from './matchingApi.ts';

const involves = (organisationId: string, ...people: { organisation: { id: string } }[]) =>
  organisationId === '' || people.some((p) => p.organisation.id === organisationId);

/** Locks and forbidden pairs with who decided, when and why; each can be removed. */
export function DecisionsSection({
  board,
  organisationId,
  onChanged,
}: {
  board: MatchingBoard;
  organisationId: string;
  onChanged(message: string): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const constraintText = useConstraintText();
  const action = useAction();
  const shown = board.decisions.filter((d) => involves(organisationId, d.adept, d.mentor));
  const warnings = board.run?.warnings ?? [];
  return (
    <section aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('matching.decisions.title')}</h2>
      {warnings.length > 0 && (
        <div className="notice notice-warning">
          <p>{t('matching.decisions.warnings')}</p>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {action.problem && <ProblemMessage problem={action.problem} />}
      {shown.length === 0 ? (
        <p>{t('matching.decisions.none')}</p>
      ) : (
        <ul className="card-list card-stack">
          {shown.map((d) => (
            <li key={d.id} className="card">
              <p>
                <span className={d.kind === 'lock' ? 'badge badge-muted' : 'badge badge-failed'}>
                  {t(d.kind === 'lock' ? 'matching.decisions.lock' : 'matching.decisions.forbid')}
                </span>{' '}
                <strong>
                  {d.adept.name} – {d.mentor.name}
                </strong>
              </p>
              <p className="match-meta">
                {t('matching.decisions.by', {
                  who: d.decidedBy ?? '–',
                  when: formatDateTime(d.decidedAt, locale),
                })}
              </p>
              {d.reason && <p>{t('matching.decisions.reason', { reason: d.reason })}</p>}
              {d.overridden.length > 0 && (
                <p className="match-warning">
                  {t('matching.decisions.overridden', { constraints: constraintText(d.overridden) })}
                </p>
              )}
              <button
                type="button"
                className="button button-small"
                disabled={action.pending}
                onClick={() =>
                  void action.run(async () => {
                    await api.delete(`/api/matching-decisions/${d.id}`);
                    onChanged(t('matching.decisions.removed'));
                  })
                }
              >
                {t(d.kind === 'lock' ? 'matching.decisions.removeLock' : 'matching.decisions.removeForbid')}
                <span className="visually-hidden">
                  {' '}
                  – {d.adept.name}, {d.mentor.name}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ConflictsList board={board} organisationId={organisationId} />
    </section>
  );
}

/** Conflicts participants declared, for the coordinator to know (the run keeps such pairs apart). */
function ConflictsList({ board, organisationId }: { board: MatchingBoard; organisationId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = board.conflicts.filter(
    (c) => involves(organisationId, c.person) || (c.other !== null && involves(organisationId, c.other)),
  );
  if (shown.length === 0) return null;
  return (
    <>
      <h3>{t('matching.conflicts.title')}</h3>
      <ul className="card-list card-stack">
        {shown.map((c) => (
          <li key={`${c.person.id}:${c.otherName}:${c.declaredAt}`} className="card">
            <p>
              {t('matching.conflicts.item', {
                person: c.person.name,
                organisation: c.person.organisation.name,
                other: c.other ? `${c.other.name} (${c.other.organisation.name})` : c.otherName,
              })}
            </p>
            <p>{t('matching.decisions.reason', { reason: c.reason })}</p>
            <p className="match-meta">
              {t('matching.conflicts.declared', { when: formatDateTime(c.declaredAt, locale) })}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Publishing the run's proposals: who gets mailed is shown before anything is sent; afterwards,
 * what happens next.
 */
export function PublishSection({
  board,
  run,
  onChanged,
}: {
  board: MatchingBoard;
  run: MatchingRun;
  onChanged(message: string): void;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<PublishResult | null>(null);
  const pending = run.proposals.filter((p) => p.pair === null);
  const contactKey = board.programme.firstContact === 'adept' ? 'Adept' : 'Mentor';
  const names = (adeptId: string, mentorId: string) => {
    const p = run.proposals.find((x) => x.adept.id === adeptId && x.mentor.id === mentorId);
    return p ? `${p.adept.name} – ${p.mentor.name}` : '–';
  };
  return (
    <section aria-labelledby="publish-title">
      <h2 id="publish-title">{t('matching.publish.title')}</h2>
      {result && (
        <div className="notice notice-success" role="status">
          <h3>{t('matching.publish.doneTitle')}</h3>
          <p>{t('matching.publish.done', { pairs: result.published.length, mails: result.mails })}</p>
          <p>{t('matching.publish.next', { contact: t(`matching.publish.next${contactKey}`) })}</p>
          {result.skipped.length > 0 && (
            <>
              <p>{t('matching.publish.skipped')}</p>
              <ul>
                {result.skipped.map((s) => (
                  <li key={s.adeptId}>
                    {names(s.adeptId, s.mentorId)}:{' '}
                    {t(`matching.publish.skippedReason.${s.reason}`, s.reason)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <p>{t('matching.publish.intro', { contact: t(`matching.publish.contact${contactKey}`) })}</p>
      {pending.length === 0 ? (
        !result && <p>{t('matching.publish.nothing')}</p>
      ) : !checking ? (
        <button type="button" className="button button-primary" onClick={() => setChecking(true)}>
          {t('matching.publish.review')}
        </button>
      ) : (
        <div className="decision-panel">
          <h3>{t('matching.publish.checkTitle')}</h3>
          <p>{t('matching.publish.checkIntro', { pairs: pending.length, mails: pending.length * 2 })}</p>
          <ul>
            {pending.map((p) => (
              <li key={`${p.adept.id}:${p.mentor.id}`}>
                {t('matching.publish.pair', { adept: p.adept.name, mentor: p.mentor.name })}
              </li>
            ))}
          </ul>
          <Form
            action={action}
            idPrefix="publish"
            onSubmit={async () => {
              const published = await api.post(
                `/api/matching-runs/${run.id}/publish`,
                { pairs: pending.map((p) => ({ adeptId: p.adept.id, mentorId: p.mentor.id })) },
                publishResultSchema,
              );
              setResult(published);
              setChecking(false);
              onChanged(
                t('matching.publish.done', { pairs: published.published.length, mails: published.mails }),
              );
            }}
          >
            <div className="form-actions">
              <SubmitButton action={action}>{t('matching.publish.confirm')}</SubmitButton>
              <button type="button" className="button" onClick={() => setChecking(false)}>
                {t('matching.decide.cancel')}
              </button>
            </div>
          </Form>
        </div>
      )}
    </section>
  );
}

/**
 * Published pairs with their history; a declined pair shows who declined and why (coordinators only),
 * and its adept can be matched again without changing anyone else's pair.
 */
export function PairsSection({
  board,
  organisationId,
  onChanged,
  onFindMentor,
}: {
  board: MatchingBoard;
  organisationId: string;
  onChanged(message: string): void;
  /** One adept at a time: finding a new mentor opens the adept's candidates instead. */
  onFindMentor?(adeptId: string): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = board.pairs.filter((p) => involves(organisationId, p.adept, p.mentor));
  return (
    <section aria-labelledby="pairs-title">
      <h2 id="pairs-title">{t('matching.pairs.title')}</h2>
      {shown.length === 0 ? (
        <p>{t('matching.pairs.none')}</p>
      ) : (
        <ScrollableTable
          caption={t('matching.pairs.caption', { count: shown.length })}
          className="stack-table"
        >
          <thead>
            <tr>
              <th scope="col">{t('matching.proposals.adept')}</th>
              <th scope="col">{t('matching.proposals.mentor')}</th>
              <th scope="col">{t('matching.pairs.status')}</th>
              <th scope="col">{t('matching.pairs.published')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((pair) => {
              const declined = pair.events.filter((e) => e.status === 'declined').at(-1);
              return (
                <tr key={pair.id} id={`pair-${pair.id}`}>
                  <td data-label={t('matching.proposals.adept')}>
                    <PersonCell person={pair.adept} />
                  </td>
                  <td data-label={t('matching.proposals.mentor')}>
                    <PersonCell person={pair.mentor} />
                  </td>
                  <td data-label={t('matching.pairs.status')}>
                    <span className={pair.status === 'declined' ? 'badge badge-failed' : 'badge badge-ok'}>
                      {t(`matching.pairs.statuses.${pair.status}`)}
                    </span>
                    {declined && (
                      <>
                        <p>
                          {t('matching.pairs.declinedBy', {
                            who: declined.by ?? '–',
                            role: declined.byRole ? t(`matching.pairs.roles.${declined.byRole}`) : '–',
                            when: formatDateTime(declined.at, locale),
                          })}
                        </p>
                        {declined.reason && <p>{t('matching.pairs.reason', { reason: declined.reason })}</p>}
                      </>
                    )}
                    {pair.adeptWaiting &&
                      (onFindMentor ? (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => onFindMentor(pair.adept.id)}
                        >
                          {t('matching.pairs.findNew', { adept: pair.adept.name })}
                        </button>
                      ) : (
                        <Rematch board={board} adept={pair.adept} onChanged={onChanged} />
                      ))}
                  </td>
                  <td data-label={t('matching.pairs.published')}>
                    {formatDateTime(pair.publishedAt, locale)}
                    {pair.publishedBy && <span className="match-meta">{pair.publishedBy}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollableTable>
      )}
    </section>
  );
}

/** Re-matches one adept (the declined pair excluded, no other pair changed) and publishes the proposal. */
function Rematch({
  board,
  adept,
  onChanged,
}: {
  board: MatchingBoard;
  adept: { id: string; name: string };
  onChanged(message: string): void;
}) {
  const { t } = useTranslation();
  const score = useScore();
  const action = useAction();
  const publishing = useAction();
  const [run, setRun] = useState<MatchingRun | null>(null);
  const proposal = run?.proposals[0];
  return (
    <div className="rematch">
      {!run && (
        <button
          type="button"
          className="button button-small"
          disabled={action.pending}
          onClick={() =>
            void action.run(async () =>
              setRun(
                await api.post(
                  `/api/programmes/${board.programme.id}/matching/rematch`,
                  { adeptId: adept.id, roundId: board.round?.id ?? null },
                  runSchema,
                ),
              ),
            )
          }
        >
          {action.pending ? t('common.working') : t('matching.pairs.rematch', { adept: adept.name })}
        </button>
      )}
      {action.problem && <ProblemMessage problem={action.problem} />}
      {run && (
        <div className="decision-panel" role="status">
          <h3>{t('matching.pairs.rematchTitle', { adept: adept.name })}</h3>
          <p>{t('matching.pairs.rematchIntro')}</p>
          {proposal ? (
            <>
              <p>
                <PersonCell person={proposal.mentor} />{' '}
                <span className="match-score">{score(proposal.score)}</span>
              </p>
              <Why
                label={t('matching.proposals.whyFor', { adept: adept.name, mentor: proposal.mentor.name })}
                explanation={proposal.explanation}
                breakdown={proposal.breakdown}
                score={proposal.score}
              />
              <p className="hint">
                {t('matching.pairs.publishOneHint', { adept: adept.name, mentor: proposal.mentor.name })}
              </p>
              {publishing.problem && <ProblemMessage problem={publishing.problem} />}
              <button
                type="button"
                className="button button-primary"
                disabled={publishing.pending}
                onClick={() =>
                  void publishing.run(async () => {
                    const result = await api.post(
                      `/api/matching-runs/${run.id}/publish`,
                      { pairs: [{ adeptId: adept.id, mentorId: proposal.mentor.id }] },
                      publishResultSchema,
                    );
                    onChanged(
                      t('matching.publish.done', { pairs: result.published.length, mails: result.mails }),
                    );
                  })
                }
              >
                {t('matching.pairs.publishOne')}
              </button>
            </>
          ) : (
            <>
              <p>{t('matching.pairs.rematchNone', { adept: adept.name })}</p>
              <ul>
                {(run.unmatched[0]?.reasons ?? []).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
