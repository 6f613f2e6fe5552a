import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../format.ts';
import { useApiData, useLocale } from '../../../hooks.ts';
import { bookPath, goalsSummarySchema } from './bookApi.ts';

/**
 * The pair's goals with their latest rating and steps, for the overview (the two parties only: it
 * is mentor-book content, and reading it is logged). Renders nothing for anyone else.
 */
export function GoalsSummary({ pairId }: { pairId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const summary = useApiData(`${bookPath(pairId)}/goals`, goalsSummarySchema);
  if (!summary.data) return null;
  const { goals } = summary.data;
  const book = `/pairs/${pairId}/book`;
  return (
    <section aria-labelledby="goals-summary-title" className="goals-summary">
      <h2 id="goals-summary-title">{t('book.summary.title')}</h2>
      {goals.length === 0 ? (
        <p>
          {t('book.summary.none')} <Link to={book}>{t('book.summary.write')}</Link>
        </p>
      ) : (
        <ul className="plain-list goals-summary-list">
          {goals.map((goal) => (
            <li key={goal.id}>
              <strong>{goal.title}</strong>
              {goal.visibility === 'private' && (
                <span className="private-mark"> ({t('book.summary.private')})</span>
              )}
              <br />
              <span>
                {goal.latestRating !== null && goal.latestRatedOn
                  ? t('book.progress.latest', {
                      rating: goal.latestRating,
                      date: formatDate(goal.latestRatedOn, locale),
                    })
                  : t('book.progress.none')}
                {' · '}
                {t('book.summary.steps', { done: goal.doneSteps, total: goal.openSteps + goal.doneSteps })}
                {' · '}
                {t('book.summary.due', { date: formatDate(goal.timeBound, locale) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {goals.length > 0 && (
        <p>
          <Link to={`${book}/progress`}>{t('book.summary.open')}</Link>
        </p>
      )}
    </section>
  );
}
