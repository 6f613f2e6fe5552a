import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { homeTasksSchema } from '../../../shared/home.ts';
import type { FollowUp, FollowUpPair } from '../../../shared/pair-plan.ts';
import { programmeListSchema, withQuery } from '../../api.ts';
import { Loaded, Page } from '../../components/Page.tsx';
import { ScrollableTable } from '../../components/ScrollableTable.tsx';
import { formatDate, localized } from '../../format.ts';
import { useApiData, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';
import { followUpSchema } from './plan/planApi.ts';

/** What the follow-up can narrow the pairs to; the home page's counts link to each. */
export const followUpViews = [
  'attention',
  'lowCheckins',
  'cadenceFlagged',
  'withOverdue',
  'requests',
] as const;
export type FollowUpView = (typeof followUpViews)[number];

const shows: Record<FollowUpView, (pair: FollowUpPair) => boolean> = {
  lowCheckins: (pair) => pair.checkin.some((c) => c.low),
  cadenceFlagged: (pair) => pair.cadence.flagged,
  withOverdue: (pair) => pair.overdue.length > 0,
  requests: (pair) => pair.openRequests > 0,
  attention: (pair) =>
    shows.lowCheckins(pair) || shows.cadenceFlagged(pair) || shows.withOverdue(pair) || shows.requests(pair),
};

const isView = (value: string | null): value is FollowUpView =>
  (followUpViews as readonly string[]).includes(value ?? '');

/**
 * "Uppföljning": every pair of a programme (and round) that the administrator or coordinator follows,
 * with its health at a glance: status, process plan, meetings and the cadence flag, check-in ratings
 * (low ones marked) and open requests. Filterable by organisation. Metadata only, never content.
 */
export function FollowUpPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const programmes = useApiData(`/api/networks/${viewer.networkId}/programmes`, programmeListSchema);
  const list = (programmes.data ?? []).filter((p) => p.status !== 'draft');
  // Without a choice, the first programme with pairs under way (the home page's count), else the first.
  const tasks = useApiData('/api/me/tasks', homeTasksSchema);
  const withPairs = tasks.data?.pairFollowUp.find((item) => item.pairs > 0)?.programmeId;
  const programmeId = params.get('programmeId') ?? withPairs ?? (tasks.data ? list[0]?.id : undefined) ?? '';
  const roundId = params.get('roundId') ?? '';
  const organisationId = params.get('organisationId') ?? '';
  const shown = params.get('show');
  const view = isView(shown) ? shown : null;
  const followUp = useApiData(
    programmeId ? withQuery(`/api/programmes/${programmeId}/pairs`, { roundId, organisationId }) : null,
    followUpSchema,
  );
  const choose = (next: Record<string, string>) =>
    setParams(
      Object.fromEntries(
        Object.entries({ programmeId, roundId, organisationId, show: view ?? '', ...next }).filter(
          ([, value]) => value !== '',
        ),
      ),
      { replace: true },
    );
  return (
    <Page title={t('plan.followUp.title')}>
      <p>{t('plan.followUp.intro')}</p>
      <Loaded state={programmes}>
        {() =>
          list.length === 0 ? (
            <p className="empty-state">{t('plan.followUp.noProgrammes')}</p>
          ) : (
            <>
              <search className="filters" aria-label={t('plan.followUp.title')}>
                <div className="field">
                  <label htmlFor="follow-up-programme">{t('plan.followUp.programme')}</label>
                  <select
                    id="follow-up-programme"
                    value={programmeId}
                    onChange={(e) => choose({ programmeId: e.target.value, roundId: '', organisationId: '' })}
                  >
                    {list.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </div>
                {followUp.data && followUp.data.rounds.length > 0 && (
                  <div className="field">
                    <label htmlFor="follow-up-round">{t('plan.followUp.round')}</label>
                    <select
                      id="follow-up-round"
                      value={roundId}
                      onChange={(e) => choose({ roundId: e.target.value })}
                    >
                      <option value="">{t('plan.followUp.allRounds')}</option>
                      {followUp.data.rounds.map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.name}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
                {followUp.data && (
                  <div className="field">
                    <label htmlFor="follow-up-organisation">{t('plan.followUp.organisation')}</label>
                    <select
                      id="follow-up-organisation"
                      value={organisationId}
                      onChange={(e) => choose({ organisationId: e.target.value })}
                    >
                      <option value="">{t('plan.followUp.allOrganisations')}</option>
                      {followUp.data.organisations.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
                <div className="field">
                  <label htmlFor="follow-up-show">{t('plan.followUp.show')}</label>
                  <select
                    id="follow-up-show"
                    value={view ?? ''}
                    onChange={(e) => choose({ show: e.target.value })}
                  >
                    <option value="">{t('plan.followUp.showAll')}</option>
                    {followUpViews.map((key) => (
                      <option key={key} value={key}>
                        {t(`plan.followUp.showOptions.${key}`)}
                      </option>
                    ))}
                  </select>
                </div>
              </search>
              {/* Choosing a filter changes the table at once: say how many pairs it shows now. */}
              <p className="visually-hidden" role="status">
                {followUp.data &&
                  t('plan.followUp.shown', {
                    count: (view ? followUp.data.pairs.filter(shows[view]) : followUp.data.pairs).length,
                  })}
              </p>
              {programmeId && (
                <Loaded state={followUp}>{(data) => <PairsTable data={data} view={view} />}</Loaded>
              )}
            </>
          )
        }
      </Loaded>
    </Page>
  );
}

function PairsTable({ data, view }: { data: FollowUp; view: FollowUpView | null }) {
  const { t } = useTranslation();
  if (data.pairs.length === 0) return <p className="empty-state">{t('plan.followUp.none')}</p>;
  const pairs = view ? data.pairs.filter(shows[view]) : data.pairs;
  if (pairs.length === 0) return <p className="empty-state">{t('plan.followUp.noneShown')}</p>;
  return (
    <ScrollableTable
      caption={t('plan.followUp.caption', { programme: data.programme.name, count: pairs.length })}
      className="follow-up-table"
    >
      <thead>
        <tr>
          <th scope="col">{t('plan.followUp.pair')}</th>
          <th scope="col">{t('plan.followUp.status')}</th>
          <th scope="col">{t('plan.followUp.milestones')}</th>
          <th scope="col">{t('plan.followUp.lastMeeting')}</th>
          <th scope="col">{t('plan.followUp.checkin')}</th>
          <th scope="col">{t('plan.followUp.requests')}</th>
        </tr>
      </thead>
      <tbody>
        {pairs.map((pair) => (
          <PairRow key={pair.id} pair={pair} />
        ))}
      </tbody>
    </ScrollableTable>
  );
}

function PairRow({ pair }: { pair: FollowUpPair }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <tr>
      <th scope="row">
        <Link to={`/pairs/${pair.id}`}>
          {pair.adept.name} – {pair.mentor.name}
        </Link>
        <br />
        <span className="hint">
          {pair.adept.organisation === pair.mentor.organisation
            ? pair.adept.organisation
            : `${pair.adept.organisation} / ${pair.mentor.organisation}`}
        </span>
      </th>
      <td>{t(`matching.pairs.statuses.${pair.status}`)}</td>
      <td>
        {t('plan.followUp.milestonesValue', { done: pair.counts.done, total: pair.counts.total })}
        {pair.overdue.length > 0 && (
          <>
            <br />
            <span className="badge badge-failed">
              {t('plan.followUp.overdue')}: {pair.overdue.length}
            </span>
            <ul className="plain-list follow-up-overdue">
              {pair.overdue.map((m) => (
                <li key={m.key}>{localized(m.title, locale)}</li>
              ))}
            </ul>
          </>
        )}
      </td>
      <td>
        {pair.cadence.lastMeetingOn ? (
          <>
            {formatDate(pair.cadence.lastMeetingOn, locale)}
            <br />
            <span className="hint">
              {t('plan.followUp.daysAgo', { days: pair.cadence.daysSinceLastMeeting })}
            </span>
          </>
        ) : (
          t('plan.followUp.noMeeting')
        )}
        {pair.cadence.flagged && (
          <>
            <br />
            <span className="badge badge-failed">{t('plan.followUp.cadenceFlag')}</span>
          </>
        )}
      </td>
      <td>
        {pair.checkin.length === 0
          ? t('plan.followUp.checkinNone')
          : pair.checkin.map((c) => (
              <span
                key={c.role}
                className={c.low ? 'badge badge-failed' : 'badge badge-muted'}
                title={t('plan.followUp.ratingLabel', {
                  role: t(`plan.checklist.roles.${c.role}`),
                  rating: c.rating,
                })}
              >
                <span aria-hidden="true">
                  {t('plan.followUp.rating', {
                    role: t(`plan.followUp.roleShort.${c.role}`),
                    rating: c.rating,
                  })}
                </span>
                <span className="visually-hidden">
                  {t('plan.followUp.ratingLabel', {
                    role: t(`plan.checklist.roles.${c.role}`),
                    rating: c.rating,
                  })}
                  {c.low && ` (${t('plan.checkin.low')})`}
                </span>
              </span>
            ))}
      </td>
      <td>{pair.openRequests}</td>
    </tr>
  );
}
