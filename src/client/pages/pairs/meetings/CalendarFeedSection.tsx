import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarFeedCreatedSchema, calendarFeedStatusSchema } from '../../../../shared/meetings.ts';
import { api } from '../../../api.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { ProblemMessage } from '../../../components/ProblemMessage.tsx';
import { formatDate } from '../../../format.ts';
import { useAction, useApiData, useLocale } from '../../../hooks.ts';

/**
 * The personal calendar feed on the profile page: make a secret link to one's meetings for Outlook,
 * Google or a phone, copy it (it is shown once), make a new one, or turn it off.
 */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const status = useApiData('/api/me/calendar-feed', calendarFeedStatusSchema);
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'replace' | 'revoke' | null>(null);
  const action = useAction();

  async function create() {
    setCopied(false);
    setNotice(null);
    const ok = await action.run(async () => {
      const created = await api.post('/api/me/calendar-feed', {}, calendarFeedCreatedSchema);
      setUrl(created.url);
    });
    setDialog(null);
    if (ok) status.reload();
  }

  async function revoke() {
    const ok = await action.run(() => api.delete('/api/me/calendar-feed'));
    setDialog(null);
    if (ok) {
      setUrl(null);
      setNotice(t('meetings.feed.revoked'));
      status.reload();
    }
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Without clipboard access the field is selected, for the person to copy it themselves.
      (document.getElementById('calendar-feed-url') as HTMLInputElement | null)?.select();
    }
  }

  const active = status.data?.active ?? false;
  return (
    <section className="card narrow" aria-labelledby="calendar-feed">
      <h2 id="calendar-feed">{t('meetings.feed.title')}</h2>
      <p>{t('meetings.feed.intro')}</p>
      <p>{t('meetings.feed.whatIsShown')}</p>
      <p className="notice notice-warning">{t('meetings.feed.warning')}</p>
      {action.problem && !dialog && <ProblemMessage problem={action.problem} />}
      <div role="status">
        {notice && <p className="notice notice-success">{notice}</p>}
        {url && <p className="notice notice-success">{t('meetings.feed.created')}</p>}
      </div>
      {url && (
        <div className="form">
          <div className="field">
            <label htmlFor="calendar-feed-url">{t('meetings.feed.urlLabel')}</label>
            <input
              id="calendar-feed-url"
              type="text"
              readOnly
              value={url}
              onFocus={(event) => event.target.select()}
            />
          </div>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => void copy()}>
              {t('meetings.feed.copy')}
            </button>
            <span role="status">{copied && t('meetings.feed.copied')}</span>
          </div>
          <div>
            <h3>{t('meetings.feed.howTo')}</h3>
            <ul>
              <li>{t('meetings.feed.howToOutlook')}</li>
              <li>{t('meetings.feed.howToGoogle')}</li>
              <li>{t('meetings.feed.howToApple')}</li>
            </ul>
          </div>
        </div>
      )}
      {status.data && !url && (
        <p>
          {active
            ? t('meetings.feed.active', { date: formatDate(status.data.createdAt ?? '', locale) })
            : t('meetings.feed.none')}
        </p>
      )}
      {status.data && (
        <div className="form-actions">
          {active ? (
            <>
              <button type="button" className="button" onClick={() => setDialog('replace')}>
                {t('meetings.feed.replace')}
              </button>
              <button type="button" className="button button-danger" onClick={() => setDialog('revoke')}>
                {t('meetings.feed.revoke')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button-primary"
              disabled={action.pending}
              aria-busy={action.pending}
              onClick={() => void create()}
            >
              {action.pending ? t('common.working') : t('meetings.feed.create')}
            </button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={dialog !== null}
        title={t(
          dialog === 'revoke' ? 'meetings.feed.revokeDialog.title' : 'meetings.feed.replaceDialog.title',
        )}
        confirmLabel={t(
          dialog === 'revoke' ? 'meetings.feed.revokeDialog.confirm' : 'meetings.feed.replaceDialog.confirm',
        )}
        danger={dialog === 'revoke'}
        pending={action.pending}
        onConfirm={() => void (dialog === 'revoke' ? revoke() : create())}
        onCancel={() => setDialog(null)}
      >
        <p>
          {t(dialog === 'revoke' ? 'meetings.feed.revokeDialog.body' : 'meetings.feed.replaceDialog.body')}
        </p>
      </ConfirmDialog>
    </section>
  );
}
