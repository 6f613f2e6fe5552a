import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Meeting, meetingListSchema, meetingSchema } from '../../../shared/meetings.ts';
import { api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loaded } from '../../components/Page.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { formatDateTime } from '../../format.ts';
import { useAction, useApiData, useLocale } from '../../hooks.ts';
import { MeetingCard } from './meetings/MeetingCard.tsx';
import { MeetingForm } from './meetings/MeetingForm.tsx';
import type { PairTabProps } from './PairPage.tsx';

/**
 * The pair's meetings: what is coming, the form to book one, and what has been. Booking, moving and
 * cancelling mail both parties a calendar invitation; a meeting that has started can be marked held,
 * which the checklist and the pair's status follow.
 */
export function MeetingsTab({ pair, reload }: PairTabProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useApiData(`/api/pairs/${pair.id}/meetings`, meetingListSchema);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<Meeting | null>(null);
  const [formKey, setFormKey] = useState(0);
  const act = useAction();

  async function cancel(meeting: Meeting) {
    const ok = await act.run(() => api.post(`/api/meetings/${meeting.id}/cancel`, {}, meetingSchema));
    setCancelling(null);
    if (ok) {
      setNotice(t('meetings.tab.cancelledNotice'));
      list.reload();
    }
  }

  async function markHeld(meeting: Meeting) {
    const ok = await act.run(() => api.post(`/api/meetings/${meeting.id}/held`, {}, meetingSchema));
    if (ok) {
      setNotice(t('meetings.tab.heldNotice'));
      list.reload();
      reload();
    }
  }

  return (
    <Loaded state={list}>
      {({ meetings, canBook, now }) => {
        const current = Date.parse(now);
        const upcoming = meetings.filter((m) => Date.parse(m.startsAt) > current);
        const earlier = meetings
          .filter((m) => !upcoming.includes(m))
          .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
        const toMark = earlier.some((m) => m.canMarkHeld);
        const card = (meeting: Meeting) =>
          editing === meeting.id ? (
            <li key={meeting.id} className="card">
              <h3 className="card-title">
                {t('meetings.form.editTitle', { when: formatDateTime(meeting.startsAt, locale) })}
              </h3>
              <p>{t('meetings.form.editIntro')}</p>
              <MeetingForm
                pairId={pair.id}
                meeting={meeting}
                idPrefix={`meeting-${meeting.id}`}
                onSaved={() => {
                  setEditing(null);
                  setNotice(t('meetings.tab.changed'));
                  list.reload();
                }}
                onClose={() => setEditing(null)}
              />
            </li>
          ) : (
            <MeetingCard
              key={meeting.id}
              meeting={meeting}
              pending={act.pending}
              onChange={() => {
                setNotice(null);
                setEditing(meeting.id);
              }}
              onCancel={() => setCancelling(meeting)}
              onMarkHeld={() => void markHeld(meeting)}
            />
          );
        return (
          <>
            <div role="status">{notice && <p className="notice notice-success">{notice}</p>}</div>
            {act.problem && !cancelling && <ProblemMessage problem={act.problem} />}

            <section aria-labelledby="meetings-upcoming">
              <h2 id="meetings-upcoming">{t('meetings.tab.upcoming')}</h2>
              {upcoming.length > 0 ? (
                <ul className="plain-list meeting-list">{upcoming.map(card)}</ul>
              ) : (
                <p>{t('meetings.tab.noUpcoming')}</p>
              )}
            </section>

            <section className="card" aria-labelledby="meetings-book">
              <h2 id="meetings-book">{t('meetings.tab.book')}</h2>
              {canBook ? (
                <>
                  <p>{t('meetings.tab.bookIntro')}</p>
                  <MeetingForm
                    key={formKey}
                    pairId={pair.id}
                    idPrefix="meeting-new"
                    onSaved={() => {
                      setFormKey((k) => k + 1);
                      setNotice(t('meetings.tab.booked'));
                      list.reload();
                    }}
                  />
                </>
              ) : (
                <p>{t('meetings.tab.cannotBook')}</p>
              )}
            </section>

            <section aria-labelledby="meetings-earlier">
              <h2 id="meetings-earlier">{t('meetings.tab.earlier')}</h2>
              {toMark && <p>{t('meetings.tab.toMark')}</p>}
              {earlier.length > 0 ? (
                <ul className="plain-list meeting-list">{earlier.map(card)}</ul>
              ) : (
                <p>{t('meetings.tab.noEarlier')}</p>
              )}
            </section>

            <ConfirmDialog
              open={cancelling !== null}
              title={t('meetings.cancelDialog.title', {
                when: cancelling ? formatDateTime(cancelling.startsAt, locale) : '',
              })}
              confirmLabel={t('meetings.cancelDialog.confirm')}
              danger
              pending={act.pending}
              onConfirm={() => cancelling && void cancel(cancelling)}
              onCancel={() => setCancelling(null)}
            >
              <p>{t('meetings.cancelDialog.body')}</p>
            </ConfirmDialog>
          </>
        );
      }}
    </Loaded>
  );
}
