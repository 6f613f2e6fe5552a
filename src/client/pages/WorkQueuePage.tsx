import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { homeTasksSchema } from '../../shared/home.ts';
import { withQuery } from '../api.ts';
import { Loaded, Page } from '../components/Page.tsx';
import { useApiData } from '../hooks.ts';
import { useViewer } from '../session.tsx';

/**
 * "Ansökningar" for administrators and coordinators: every programme they review with how many
 * applications wait at each stage, each count leading to the programme's intake view filtered to it.
 */
export function WorkQueuePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const tasks = useApiData('/api/me/tasks', homeTasksSchema);
  return (
    <Page title={t('home.queue.title')}>
      <p>{viewer.isAdmin ? t('home.queue.introAdmin') : t('home.queue.introCoordinator')}</p>
      <Loaded state={tasks}>
        {({ programmes }) => {
          const reviewed = programmes.filter((p) => p.review !== null && p.networkId === viewer.networkId);
          if (reviewed.length === 0) return <p className="empty-state">{t('home.queue.empty')}</p>;
          return (
            <ul className="card-list queue-list">
              {reviewed.map((programme) => {
                const review = programme.review!;
                const base = `/programmes/${programme.programmeId}/intake`;
                const rows = [
                  {
                    key: 'pendingReview',
                    count: review.pendingReview.count,
                    to: withQuery(base, { status: 'pending_review' }),
                  },
                  {
                    key: 'completionRequested',
                    count: review.completionRequested.count,
                    to: withQuery(base, { status: 'completion_requested' }),
                  },
                  {
                    key: 'awaitingApproval',
                    count: review.awaitingApproval,
                    to: withQuery(base, { status: 'awaiting_approval' }),
                  },
                  { key: 'toApprove', count: programme.approvals.count, to: '/approvals' },
                ];
                return (
                  <li key={programme.programmeId} className="card">
                    <h2>
                      <Link to={base}>{programme.programmeName}</Link>
                    </h2>
                    {programme.programmeStatus !== 'open' && (
                      <p>
                        <span className={`badge badge-${programme.programmeStatus}`}>
                          {t(`programmes.statuses.${programme.programmeStatus}`)}
                        </span>
                      </p>
                    )}
                    <dl className="counts">
                      {rows.map((row) => (
                        <div key={row.key} className="count-row">
                          <dt>{t(`home.queue.${row.key}`)}</dt>
                          <dd>
                            {row.count > 0 ? (
                              <Link to={row.to}>
                                {row.count}
                                <span className="visually-hidden">
                                  {' '}
                                  – {t(`home.queue.${row.key}`)}, {programme.programmeName}
                                </span>
                              </Link>
                            ) : (
                              row.count
                            )}
                          </dd>
                        </div>
                      ))}
                    </dl>
                  </li>
                );
              })}
            </ul>
          );
        }}
      </Loaded>
    </Page>
  );
}
