import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchingBoard, MatchingRun, MatchPerson, Proposal } from '../../../shared/matching.ts';
import { api } from '../../api.ts';
import { ScrollableTable } from '../../components/ScrollableTable.tsx';
import { ChooseMentorPanel, DecisionPanel } from './DecisionPanels.tsx';
import { Distance, PersonCell, useConstraintText, useScore, Why } from './MatchParts.tsx';

/** Which panel is open, and for which adept. */
type Open = { kind: 'lock' | 'forbid' | 'swap' | 'pick'; adeptId: string } | null;

interface SectionProps {
  board: MatchingBoard;
  run: MatchingRun;
  /** The organisation chosen in the filter, or '' for all. */
  organisationId: string;
  /** After a change: reload the board and say what happened. */
  onChanged(message: string): void;
}

const involves = (organisationId: string, ...people: MatchPerson[]) =>
  organisationId === '' || people.some((p) => p.organisation.id === organisationId);

/** The run's proposals as a table, sortable by score, each with why and the board's actions. */
export function ProposalsSection({ board, run, organisationId, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const score = useScore();
  const constraintText = useConstraintText();
  const [sort, setSort] = useState<'descending' | 'ascending'>('descending');
  const [open, setOpen] = useState<Open>(null);
  const shown = run.proposals
    .filter((p) => involves(organisationId, p.adept, p.mentor))
    .sort(
      (a, b) =>
        (sort === 'descending' ? b.score - a.score : a.score - b.score) ||
        a.adept.name.localeCompare(b.adept.name),
    );
  const lockOf = (p: Proposal) =>
    board.decisions.find(
      (d) => d.kind === 'lock' && d.adept.id === p.adept.id && d.mentor.id === p.mentor.id,
    );
  const roundId = board.round?.id ?? null;
  const close = (adeptId: string, kind: string) => {
    setOpen(null);
    document.getElementById(`${kind}-button-${adeptId}`)?.focus();
  };
  const done = (message: string) => {
    setOpen(null);
    onChanged(message);
  };

  return (
    <section aria-labelledby="proposals-title">
      <h2 id="proposals-title">{t('matching.proposals.title')}</h2>
      {shown.length === 0 ? (
        <p>
          {run.proposals.length === 0 ? t('matching.proposals.empty') : t('matching.proposals.emptyFiltered')}
        </p>
      ) : (
        <ScrollableTable
          caption={t('matching.proposals.caption', { count: shown.length })}
          className="stack-table proposals-table"
        >
          <thead>
            <tr>
              <th scope="col">{t('matching.proposals.adept')}</th>
              <th scope="col">{t('matching.proposals.mentor')}</th>
              <th scope="col" aria-sort={sort}>
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => setSort(sort === 'descending' ? 'ascending' : 'descending')}
                >
                  {t('matching.proposals.score')}
                  <span className="visually-hidden">
                    {' – '}
                    {t(
                      sort === 'descending'
                        ? 'matching.proposals.sortedDescending'
                        : 'matching.proposals.sortedAscending',
                    )}
                  </span>
                  <span aria-hidden="true">{sort === 'descending' ? ' ▼' : ' ▲'}</span>
                </button>
              </th>
              <th scope="col">{t('matching.proposals.distance')}</th>
              <th scope="col">{t('matching.proposals.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => {
              const lock = lockOf(p);
              const published = p.pair !== null;
              const names = { adept: p.adept.name, mentor: p.mentor.name };
              const panelOpen = open?.adeptId === p.adept.id;
              return (
                <Fragment key={`${p.adept.id}:${p.mentor.id}`}>
                  <tr id={`proposal-${p.adept.id}`}>
                    <td data-label={t('matching.proposals.adept')}>
                      <PersonCell person={p.adept} />
                    </td>
                    <td data-label={t('matching.proposals.mentor')}>
                      <PersonCell person={p.mentor} />
                    </td>
                    <td data-label={t('matching.proposals.score')}>
                      <span className="match-score">{score(p.score)}</span>{' '}
                      {(p.locked || lock) && (
                        <span className="badge badge-muted">{t('matching.proposals.locked')}</span>
                      )}{' '}
                      {published && (
                        <span className="badge badge-ok">{t('matching.proposals.published')}</span>
                      )}
                      {p.broken.length > 0 && (
                        <span className="match-warning">
                          {t('matching.proposals.breaks', { constraints: constraintText(p.broken) })}
                        </span>
                      )}
                      <Why
                        label={t('matching.proposals.whyFor', names)}
                        explanation={p.explanation}
                        breakdown={p.breakdown}
                        score={p.score}
                      />
                    </td>
                    <td data-label={t('matching.proposals.distance')}>
                      <Distance km={p.distanceKm} />
                    </td>
                    <td data-label={t('matching.proposals.actions')}>
                      {!published && (
                        <div className="row-actions row-actions-wrap">
                          {lock ? (
                            <UnlockButton decisionId={lock.id} names={names} onChanged={onChanged} />
                          ) : (
                            <ActionButton
                              id={`lock-button-${p.adept.id}`}
                              onClick={() => setOpen({ kind: 'lock', adeptId: p.adept.id })}
                            >
                              {t('matching.proposals.lock')}
                              <span className="visually-hidden">
                                {' '}
                                – {`${p.adept.name}, ${p.mentor.name}`}
                              </span>
                            </ActionButton>
                          )}
                          <ActionButton
                            id={`forbid-button-${p.adept.id}`}
                            onClick={() => setOpen({ kind: 'forbid', adeptId: p.adept.id })}
                          >
                            {t('matching.proposals.forbid')}
                            <span className="visually-hidden"> – {`${p.adept.name}, ${p.mentor.name}`}</span>
                          </ActionButton>
                          <ActionButton
                            id={`swap-button-${p.adept.id}`}
                            onClick={() => setOpen({ kind: 'swap', adeptId: p.adept.id })}
                          >
                            {t('matching.proposals.swap')}
                            <span className="visually-hidden"> – {p.adept.name}</span>
                          </ActionButton>
                        </div>
                      )}
                    </td>
                  </tr>
                  {panelOpen && open && (
                    <tr className="panel-row">
                      <td colSpan={5}>
                        {open.kind === 'swap' ? (
                          <ChooseMentorPanel
                            programmeId={board.programme.id}
                            roundId={roundId}
                            runId={run.id}
                            adept={p.adept}
                            currentMentorId={p.mentor.id}
                            onDone={done}
                            onCancel={() => close(p.adept.id, 'swap')}
                          />
                        ) : (
                          <DecisionPanel
                            kind={open.kind === 'lock' ? 'lock' : 'forbid'}
                            programmeId={board.programme.id}
                            roundId={roundId}
                            adept={p.adept}
                            mentor={p.mentor}
                            onDone={done}
                            onCancel={() => close(p.adept.id, open.kind)}
                          />
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </ScrollableTable>
      )}
      <UnmatchedList board={board} run={run} organisationId={organisationId} onChanged={onChanged} />
    </section>
  );
}

function ActionButton({ id, onClick, children }: { id: string; onClick(): void; children: ReactNode }) {
  return (
    <button type="button" id={id} className="button button-small" onClick={onClick}>
      {children}
    </button>
  );
}

function UnlockButton({
  decisionId,
  names,
  onChanged,
}: {
  decisionId: string;
  names: { adept: string; mentor: string };
  onChanged(message: string): void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button button-small"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void api
          .delete(`/api/matching-decisions/${decisionId}`)
          .then(
            () => onChanged(t('matching.decisions.removed')),
            () => onChanged(t('common.errors.unknown')),
          )
          .finally(() => setBusy(false));
      }}
    >
      {t('matching.proposals.unlock')}
      <span className="visually-hidden"> – {`${names.adept}, ${names.mentor}`}</span>
    </button>
  );
}

/** Adepts the run could not give a mentor, with why, and a way to choose one by hand. */
function UnmatchedList({ board, run, organisationId, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const shown = run.unmatched.filter((u) => involves(organisationId, u.adept));
  return (
    <>
      <h3 id="unmatched-title">{t('matching.unmatched.caption', { count: shown.length })}</h3>
      {shown.length === 0 ? (
        <p>{t('matching.unmatched.none')}</p>
      ) : (
        <ul className="card-list card-stack" aria-labelledby="unmatched-title">
          {shown.map((u) => (
            <li key={u.adept.id} className="card" id={`unmatched-${u.adept.id}`}>
              <p>
                <PersonCell person={u.adept} />
              </p>
              <ul>
                {u.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
              {open === u.adept.id ? (
                <ChooseMentorPanel
                  programmeId={board.programme.id}
                  roundId={board.round?.id ?? null}
                  runId={run.id}
                  adept={u.adept}
                  currentMentorId={null}
                  onDone={(message) => {
                    setOpen(null);
                    onChanged(message);
                  }}
                  onCancel={() => {
                    setOpen(null);
                    document.getElementById(`pick-button-${u.adept.id}`)?.focus();
                  }}
                />
              ) : (
                <button
                  type="button"
                  id={`pick-button-${u.adept.id}`}
                  className="button button-small"
                  onClick={() => setOpen(u.adept.id)}
                >
                  {t('matching.proposals.pick')}
                  <span className="visually-hidden"> – {u.adept.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Mentors with their places: stated, in current pairs, proposed in this run, and left. */
export function MentorsSection({ run, organisationId }: { run: MatchingRun; organisationId: string }) {
  const { t } = useTranslation();
  const constraintText = useConstraintText();
  const shown = run.mentors.filter((m) => involves(organisationId, m.mentor));
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="mentors-title">
      <h2 id="mentors-title">{t('matching.mentors.title')}</h2>
      <ScrollableTable caption={t('matching.mentors.title')}>
        <thead>
          <tr>
            <th scope="col">{t('matching.mentors.mentor')}</th>
            <th scope="col" className="numeric">
              {t('matching.mentors.capacity')}
            </th>
            <th scope="col" className="numeric">
              {t('matching.mentors.current')}
            </th>
            <th scope="col" className="numeric">
              {t('matching.mentors.proposed')}
            </th>
            <th scope="col" className="numeric">
              {t('matching.mentors.left')}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => (
            <tr key={m.mentor.id}>
              <th scope="row" data-label={t('matching.mentors.mentor')}>
                <PersonCell person={m.mentor} />
                {!m.available && (
                  <span className="match-warning">
                    {t('matching.mentors.unavailable', { why: constraintText(m.unavailableBecause) })}
                  </span>
                )}
              </th>
              <td className="numeric" data-label={t('matching.mentors.capacity')}>
                {m.capacity}
              </td>
              <td className="numeric" data-label={t('matching.mentors.current')}>
                {m.current}
              </td>
              <td className="numeric" data-label={t('matching.mentors.proposed')}>
                {m.proposed}
              </td>
              <td className="numeric" data-label={t('matching.mentors.left')}>
                {m.left}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollableTable>
    </section>
  );
}
