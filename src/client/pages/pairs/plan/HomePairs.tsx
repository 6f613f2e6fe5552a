import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyPairTask, PairFollowUpTask } from '../../../../shared/home.ts';
import { withQuery } from '../../../api.ts';
import { formatDate, localized } from '../../../format.ts';
import { useLocale } from '../../../hooks.ts';

/** For the adept and the mentor: each current pair with its most pressing next step. */
export function MyPairsNext({ pairs }: { pairs: MyPairTask[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (pairs.length === 0) return null;
  return (
    <section aria-labelledby="home-pairs-next">
      <h2 id="home-pairs-next">{t('plan.home.myTitle')}</h2>
      <ul className="plain-list">
        {pairs.map((pair) => {
          const next = pair.nextMilestone;
          return (
            <li key={pair.pairId} className="card task-card">
              <h3>{t('plan.home.with', { name: pair.otherName, programme: pair.programmeName })}</h3>
              <ul className="task-list">
                {pair.status === 'introduced' && (
                  <li className="task">
                    {pair.youMakeContact
                      ? t('matching.mine.youContact', { name: pair.otherName })
                      : t('matching.mine.theyContact', { name: pair.otherName })}{' '}
                    <Link to="/pairs">{t('plan.home.contactDetails', { name: pair.otherName })}</Link>
                  </li>
                )}
                {pair.startSteps.map((step) => (
                  <li key={step} className="task">
                    <Link
                      to={step === 'accept' ? `/pairs/${pair.pairId}` : `/pairs/${pair.pairId}/agreements`}
                    >
                      {t(`plan.home.startSteps.${step}`)}
                    </Link>
                  </li>
                ))}
                {pair.requests.map((request) =>
                  request.kind === 'extension' && request.state === 'to_join' ? (
                    <li key="extension" className="task">
                      <Link to={`/pairs/${pair.pairId}`}>
                        {t('plan.home.requests.extension.to_join', { name: pair.otherName })}
                      </Link>
                    </li>
                  ) : (
                    <li key={request.kind} className="task">
                      {request.kind === 'change_of_mentor'
                        ? t(`plan.home.requests.change_of_mentor.${pair.role}`, { name: pair.otherName })
                        : t(`plan.home.requests.extension.${request.state}`, { name: pair.otherName })}
                    </li>
                  ),
                )}
                {pair.checkinToAnswer && (
                  <li className="task">
                    <Link to={`/pairs/${pair.pairId}`}>{t('plan.home.checkin')}</Link>
                  </li>
                )}
                {pair.cadenceFlagged && (
                  <li className="task">
                    <Link to={`/pairs/${pair.pairId}/meetings`}>{t('plan.home.cadence')}</Link>
                  </li>
                )}
                <li className="task">
                  {next
                    ? next.dueDate
                      ? t('plan.home.nextDue', {
                          title: localized(next.title, locale),
                          date: formatDate(next.dueDate, locale),
                        })
                      : t('plan.home.next', { title: localized(next.title, locale) })
                    : t('plan.home.allDone')}
                  {pair.overdue > 0 && (
                    <>
                      {' '}
                      <span className="badge badge-failed">
                        {t('plan.home.overdue', { count: pair.overdue })}
                      </span>
                    </>
                  )}
                </li>
              </ul>
              <p>
                <Link to={`/pairs/${pair.pairId}`}>
                  {t('plan.home.open')}
                  <span className="visually-hidden"> – {pair.otherName}</span>
                </Link>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** For those who run pairs: per programme, how many pairs need a look, linking to the follow-up. */
export function PairFollowUpTasks({ items }: { items: PairFollowUpTask[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="home-pair-follow-up">
      <h2 id="home-pair-follow-up">{t('plan.home.followUpTitle')}</h2>
      <p>{t('plan.home.followUpIntro')}</p>
      <ul className="plain-list">
        {items.map((item) => {
          const to = withQuery('/follow-up', { programmeId: item.programmeId });
          const counts = [
            ['lowCheckins', item.lowCheckins, 'lowCheckins'],
            ['cadenceFlagged', item.cadenceFlagged, 'cadenceFlagged'],
            ['withOverdue', item.withOverdue, 'withOverdue'],
            ['changeOfMentor', item.changeOfMentorRequests, 'requests'],
            ['extension', item.extensionRequests, 'requests'],
          ] as const;
          return (
            <li key={item.programmeId} className="card task-card">
              <h3>{item.programmeName}</h3>
              <p>{t('plan.home.pairs', { count: item.pairs })}</p>
              <ul className="task-list">
                {counts
                  .filter(([, count]) => count > 0)
                  .map(([key, count, show]) => (
                    <li key={key} className="task">
                      <Link to={withQuery('/follow-up', { programmeId: item.programmeId, show })}>
                        {t(`plan.home.${key}`, { count })}
                        <span className="visually-hidden"> – {item.programmeName}</span>
                      </Link>
                    </li>
                  ))}
              </ul>
              <p>
                <Link to={to}>
                  {t('plan.home.seeAll')}
                  <span className="visually-hidden"> – {item.programmeName}</span>
                </Link>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * In the to-do list of those who run pairs: per programme, the requests (a new mentor, an extension)
 * that wait for their decision, leading to the follow-up narrowed to them.
 */
export function PairDecisionTasks({ items }: { items: PairFollowUpTask[] }) {
  const { t } = useTranslation();
  return items.map((item) => (
    <li key={item.programmeId} className="card task-card">
      <h3>{item.programmeName}</h3>
      <p className="task-title">
        <Link to={withQuery('/follow-up', { programmeId: item.programmeId, show: 'requests' })}>
          {t('plan.home.decisions', { count: item.changeOfMentorRequests + item.extensionRequests })}
          <span className="visually-hidden"> – {item.programmeName}</span>
        </Link>
      </p>
    </li>
  ));
}

export const waitsForDecision = (item: PairFollowUpTask) =>
  item.changeOfMentorRequests + item.extensionRequests > 0;
