import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../shared/meetings.ts';
import { formatDateTime } from '../../../format.ts';
import { useLocale } from '../../../hooks.ts';

const isLink = (text: string) => /^https?:\/\/\S+$/i.test(text);

interface MeetingCardProps {
  meeting: Meeting;
  headingLevel?: 'h3' | 'h4';
  onChange?(): void;
  onCancel?(): void;
  onMarkHeld?(): void;
  pending?: boolean;
}

/** One meeting: when, how long, how and where, its status, and what can be done with it. */
export function MeetingCard({
  meeting,
  headingLevel = 'h3',
  onChange,
  onCancel,
  onMarkHeld,
  pending,
}: MeetingCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = formatDateTime(meeting.startsAt, locale);
  const Heading = headingLevel;
  const status = meeting.status === 'planned' && meeting.canMarkHeld ? 'notMarked' : meeting.status;
  const badge = {
    planned: 'badge-open',
    held: 'badge-ok',
    cancelled: 'badge-cancelled',
    notMarked: 'badge-waiting',
  }[status];
  return (
    <li className="card meeting-card">
      <Heading className="card-title">
        {when} <span className={`badge ${badge}`}>{t(`meetings.status.${status}`)}</span>
      </Heading>
      <dl className="facts">
        <dt>{t('meetings.card.length')}</dt>
        <dd>{t('meetings.card.minutes', { count: meeting.durationMinutes })}</dd>
        <dt>{t('meetings.card.how')}</dt>
        <dd>{t(`meetings.modes.${meeting.mode}`)}</dd>
        <dt>{t('meetings.card.where')}</dt>
        <dd className="meeting-location">
          {isLink(meeting.location) ? (
            <a href={meeting.location} target="_blank" rel="noopener noreferrer">
              {meeting.location}
            </a>
          ) : (
            meeting.location
          )}
        </dd>
      </dl>
      <div className="row-actions row-actions-wrap">
        {meeting.canMarkHeld && onMarkHeld && (
          <button
            type="button"
            className="button button-primary button-small"
            disabled={pending}
            onClick={onMarkHeld}
          >
            {t('meetings.card.markHeld')}
            <span className="visually-hidden"> – {when}</span>
          </button>
        )}
        {meeting.status === 'planned' && !meeting.canMarkHeld && (
          <a className="button button-small" href={`/api/meetings/${meeting.id}/ics`} download>
            {t('meetings.card.addToCalendar')}
            <span className="visually-hidden"> – {when}</span>
          </a>
        )}
        {meeting.canChange && onChange && (
          <button type="button" className="button button-small" onClick={onChange}>
            {t('meetings.card.change')}
            <span className="visually-hidden"> – {when}</span>
          </button>
        )}
        {meeting.canChange && onCancel && (
          <button type="button" className="button button-danger button-small" onClick={onCancel}>
            {t('meetings.card.cancel')}
            <span className="visually-hidden"> – {when}</span>
          </button>
        )}
      </div>
    </li>
  );
}
