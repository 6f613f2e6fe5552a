import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { meetingListSchema } from '../../../shared/meetings.ts';
import { formatDateTime } from '../../format.ts';
import { useApiData, useLocale } from '../../hooks.ts';

const isLink = (text: string) => /^https?:\/\/\S+$/i.test(text);

/**
 * The pair's next meeting, for the overview: when, how and where, or a prompt to book one. Meetings
 * are the pair's own: for anyone else (the API refuses them) this shows nothing.
 */
export function NextMeeting({ pairId }: { pairId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useApiData(`/api/pairs/${pairId}/meetings`, meetingListSchema);
  if (!list.data) return null;
  const now = Date.parse(list.data.now);
  const next = list.data.meetings.find((m) => m.status === 'planned' && Date.parse(m.startsAt) > now);
  if (!next && !list.data.canBook) return null;
  return (
    <section className="card" aria-labelledby="next-meeting">
      <h2 id="next-meeting">{t('meetings.next.title')}</h2>
      {next ? (
        <>
          <p className="lead">
            {formatDateTime(next.startsAt, locale)},{' '}
            {t('meetings.card.minutes', { count: next.durationMinutes })}
          </p>
          <p>
            {t(`meetings.modes.${next.mode}`)}:{' '}
            {isLink(next.location) ? (
              <a href={next.location} target="_blank" rel="noopener noreferrer">
                {next.location}
              </a>
            ) : (
              next.location
            )}
          </p>
          <p>
            <Link to={`/pairs/${pairId}/meetings`}>{t('meetings.next.all')}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('meetings.next.none')}</p>
          <p>
            <Link className="button button-primary" to={`/pairs/${pairId}/meetings`}>
              {t('meetings.next.bookPrompt')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
