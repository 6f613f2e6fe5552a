import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { MatchingBoard, MatchingRun } from '../../../shared/matching.ts';
import { api, withQuery } from '../../api.ts';
import { Loaded, Page } from '../../components/Page.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { formatDateTime } from '../../format.ts';
import { useAction, useApiData, useLocale } from '../../hooks.ts';
import { DecisionsSection, PairsSection, PublishSection } from './BoardSections.tsx';
import { useScore } from './MatchParts.tsx';
import { boardSchema, runSchema } from './matchingApi.ts';
import { MentorsSection, ProposalsSection } from './ProposalsSection.tsx';
import { SingleBoard } from './SingleBoard.tsx';

/**
 * The coordinator's matching board for one programme: a batch run per round for cohort programmes,
 * one adept at a time for the others. Administrators see everything; coordinators what involves
 * their organisations.
 */
export function MatchingBoardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const roundId = params.get('roundId') ?? undefined;
  const board = useApiData(withQuery(`/api/programmes/${id}/matching`, { roundId }), boardSchema);
  const [message, setMessage] = useState<string | null>(null);
  const [organisationId, setOrganisationId] = useState('');
  const [adeptId, setAdeptId] = useState<string | null>(null);
  const banner = useRef<HTMLDivElement>(null);
  const title = board.data
    ? t('matching.board.title', { programme: board.data.programme.name })
    : t('matching.index.title');

  useEffect(() => {
    if (message) banner.current?.focus();
  }, [message]);

  function changed(text: string) {
    setMessage(text);
    setAdeptId(null);
    board.reload();
  }

  return (
    <Page title={title}>
      {message && (
        <div className="notice notice-success" role="status" tabIndex={-1} ref={banner}>
          <p>{message}</p>
        </div>
      )}
      <Loaded state={board}>
        {(data) => (
          <>
            <Overview
              board={data}
              organisationId={organisationId}
              onOrganisation={setOrganisationId}
              onRound={(next) => {
                const search = new URLSearchParams(params);
                search.set('roundId', next);
                setParams(search);
                setMessage(null);
              }}
            />
            {data.programme.mode === 'cohort' ? (
              <CohortBoard
                board={data}
                organisationId={organisationId}
                onChanged={changed}
                onRun={board.reload}
              />
            ) : (
              <>
                <SingleBoard
                  board={data}
                  organisationId={organisationId}
                  adeptId={adeptId}
                  onChooseAdept={setAdeptId}
                  onChanged={changed}
                />
                <PairsSection
                  board={data}
                  organisationId={organisationId}
                  onChanged={changed}
                  onFindMentor={(adept) => {
                    setAdeptId(adept);
                    setMessage(null);
                  }}
                />
              </>
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}

/** What the board is about: the round, how many wait, whose proposals the caller sees, the filter. */
function Overview({
  board,
  organisationId,
  onOrganisation,
  onRound,
}: {
  board: MatchingBoard;
  organisationId: string;
  onOrganisation(id: string): void;
  onRound(id: string): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [round, setRound] = useState(board.round?.id ?? '');
  return (
    <>
      {board.programme.mode === 'cohort' && board.rounds.length > 1 && (
        <form
          className="inline-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (round) onRound(round);
          }}
        >
          <div className="field">
            <label htmlFor="board-round">{t('matching.board.round')}</label>
            <select id="board-round" value={round} onChange={(e) => setRound(e.target.value)}>
              {board.rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t('matching.board.show')}
          </button>
        </form>
      )}
      {board.round && <p className="lead">{board.round.name}</p>}
      <p>
        {t('matching.board.waiting', { count: board.counts.adepts })}{' '}
        {t('matching.board.places', { count: board.counts.places, mentors: board.counts.mentors })}
      </p>
      {board.scope === 'organisations' && (
        <p>
          {t('matching.board.scopeOrganisations', {
            organisations: new Intl.ListFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
              type: 'conjunction',
            }).format(board.organisations.map((o) => o.name)),
          })}
        </p>
      )}
      {board.withoutLocation.length > 0 && (
        <div className="notice notice-warning">
          <p>
            {t('matching.board.withoutLocation', {
              organisations: board.withoutLocation.map((o) => o.name).join(', '),
            })}
          </p>
        </div>
      )}
      {board.organisations.length > 1 && (
        <search className="filters" aria-label={t('matching.board.filters')}>
          <div className="field">
            <label htmlFor="board-organisation">{t('matching.board.filter')}</label>
            <select
              id="board-organisation"
              value={organisationId}
              onChange={(e) => onOrganisation(e.target.value)}
            >
              <option value="">{t('matching.board.allOrganisations')}</option>
              {board.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        </search>
      )}
    </>
  );
}

/** A cohort round: run (and re-run), the proposals, mentors, decisions, publishing and the pairs. */
function CohortBoard({
  board,
  organisationId,
  onChanged,
  onRun,
}: {
  board: MatchingBoard;
  organisationId: string;
  onChanged(message: string): void;
  onRun(): void;
}) {
  const { t } = useTranslation();
  if (!board.round) return <p>{t('matching.board.noRound')}</p>;
  const run = board.run;
  return (
    <>
      <RunSection board={board} onRun={onRun} />
      {run && run.status === 'done' && (
        <>
          <ProposalsSection board={board} run={run} organisationId={organisationId} onChanged={onChanged} />
          <MentorsSection run={run} organisationId={organisationId} />
          <DecisionsSection board={board} organisationId={organisationId} onChanged={onChanged} />
          <PublishSection board={board} run={run} onChanged={onChanged} />
        </>
      )}
      <PairsSection board={board} organisationId={organisationId} onChanged={onChanged} />
    </>
  );
}

/** Starting a run, its progress while it works (polled), and what the last one found. */
function RunSection({ board, onRun }: { board: MatchingBoard; onRun(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const score = useScore();
  const action = useAction();
  const [progress, setProgress] = useState<MatchingRun | null>(null);
  const run = board.run;
  const running = progress ?? (run?.status === 'running' ? run : null);

  // Poll a running run until it is done, then reload the board.
  useEffect(() => {
    if (running?.status !== 'running') return;
    const timer = setTimeout(() => {
      api.get(`/api/matching-runs/${running.id}`, runSchema).then(
        (next) => {
          if (next.status === 'running') setProgress(next);
          else {
            setProgress(null);
            onRun();
          }
        },
        () => setProgress(null),
      );
    }, 1000);
    return () => clearTimeout(timer);
  }, [running, onRun]);

  const start = () =>
    void action.run(async () => {
      const started = await api.post(
        `/api/programmes/${board.programme.id}/matching/runs`,
        { roundId: board.round?.id ?? null },
        runSchema,
      );
      if (started.status === 'running') setProgress(started);
      else onRun();
    });

  const percent = running?.progress ? Math.round(running.progress.fraction * 100) : 0;
  return (
    <section aria-labelledby="run-title">
      <h2 id="run-title">{t('matching.run.title')}</h2>
      {running ? (
        <div className="run-progress">
          <label htmlFor="run-progress">{t('matching.run.running')}</label>
          <progress id="run-progress" max={100} value={percent} />
          <p role="status">
            {t('matching.run.progress', {
              phase: t(`matching.run.phase.${running.progress?.phase ?? 'preparing'}`),
              percent,
            })}
          </p>
        </div>
      ) : (
        <>
          {!run && <p>{t('matching.run.none')}</p>}
          {run?.status === 'failed' && (
            <div className="notice notice-error">
              <p>{t('matching.run.failed')}</p>
            </div>
          )}
          {run?.status === 'done' && run.totals && (
            <>
              <p>
                {t('matching.run.summary', {
                  when: formatDateTime(run.finishedAt ?? run.startedAt, locale),
                  who: run.startedBy ?? '–',
                  matched: run.totals.matched,
                  adepts: run.totals.adepts,
                  mean: score(run.totals.meanScore),
                })}
              </p>
              <p className="hint">
                {run.verified ? t('matching.run.verified') : t('matching.run.notVerified')}
              </p>
            </>
          )}
          {action.problem && <ProblemMessage problem={action.problem} />}
          {board.counts.adepts > 0 ? (
            <>
              <p className="hint" id="run-hint">
                {t('matching.run.againHint')}
              </p>
              <button
                type="button"
                className="button button-primary"
                disabled={action.pending}
                aria-describedby="run-hint"
                onClick={start}
              >
                {action.pending
                  ? t('common.working')
                  : run
                    ? t('matching.run.again')
                    : t('matching.run.start')}
              </button>
            </>
          ) : (
            <p>{t('matching.run.nothingWaiting')}</p>
          )}
        </>
      )}
    </section>
  );
}
