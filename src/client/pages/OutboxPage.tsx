import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxMessage } from '../../shared/api.ts';
import { outboxListSchema } from '../api.ts';
import { Loaded, Page } from '../components/Page.tsx';
import { formatDateTime } from '../format.ts';
import { useApiData, useLocale } from '../hooks.ts';
import { useViewer } from '../session.tsx';

const urlPattern = /(https?:\/\/[^\s<>"]+)/g;

/** The mail's plain text with its web addresses as links (sign-in links are followed from here in the demo). */
function linkify(text: string): ReactNode[] {
  return text.split(urlPattern).map((part, index) =>
    index % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text never move
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export function OutboxPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const outbox = useApiData(`/api/networks/${viewer.networkId}/outbox`, outboxListSchema);
  return (
    <Page
      title={t('outbox.title')}
      actions={
        <button type="button" className="button" onClick={outbox.reload} disabled={outbox.loading}>
          {t('outbox.refresh')}
        </button>
      }
    >
      <p className="lead">{t('outbox.intro')}</p>
      <Loaded state={outbox}>
        {(messages) =>
          messages.length === 0 ? (
            <p>{t('outbox.empty')}</p>
          ) : (
            <>
              {/* Mail kept without a mail server reaches nobody: say so before the list, not only per message. */}
              {messages.some((m) => m.status === 'stored') && (
                <p className="notice">{t('outbox.storedNotice')}</p>
              )}
              <ul className="message-list">
                {messages.map((message) => (
                  <MessageItem key={message.id} message={message} />
                ))}
              </ul>
            </>
          )
        }
      </Loaded>
    </Page>
  );
}

function MessageItem({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <li className="message">
      <details>
        <summary>
          <span className="message-subject">{message.subject}</span>
          <span className="message-meta">
            {t('outbox.to', { to: message.to })} · {formatDateTime(message.createdAt, locale)} ·{' '}
            <span className={`badge badge-${message.status}`}>{t(`outbox.statuses.${message.status}`)}</span>
          </span>
        </summary>
        <dl className="facts">
          <dt>{t('outbox.recipient')}</dt>
          <dd>{message.to}</dd>
          <dt>{t('outbox.created')}</dt>
          <dd>{formatDateTime(message.createdAt, locale)}</dd>
          <dt>{t('outbox.delivery')}</dt>
          <dd>
            {message.sentAt
              ? t('outbox.sentAt', { date: formatDateTime(message.sentAt, locale) })
              : t(`outbox.explained.${message.status}`)}
          </dd>
        </dl>
        <div className="message-body">{linkify(message.body)}</div>
      </details>
    </li>
  );
}
