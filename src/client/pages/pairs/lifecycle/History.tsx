import { useTranslation } from 'react-i18next';
import type { PairLifecycle } from '../../../../shared/pair-lifecycle.ts';
import { formatDateTime } from '../../../format.ts';
import { useLocale } from '../../../hooks.ts';

const knownRoles = ['adept', 'mentor', 'coordinator', 'administrator'];

/** Every change of the pair's status: when, by whom and, for those who run the programme, why. */
export function History({ lifecycle }: { lifecycle: PairLifecycle }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="pair-history-title">
      <h2 id="pair-history-title">{t('pair.lifecycle.history.title')}</h2>
      <ol className="timeline">
        {[...lifecycle.events].reverse().map((event) => {
          const months = event.detail && typeof event.detail.months === 'number' ? event.detail.months : null;
          const role = event.byRole && knownRoles.includes(event.byRole) ? event.byRole : null;
          const by = event.by
            ? t('pair.lifecycle.history.by', { name: event.by })
            : role
              ? t('pair.lifecycle.history.byRoleOnly', { role: t(`pair.lifecycle.history.roles.${role}`) })
              : t('pair.lifecycle.history.system');
          return (
            <li key={`${event.at}-${event.from}-${event.to}`}>
              <strong>
                {months !== null && event.from === event.to
                  ? t('pair.lifecycle.history.extension', { months })
                  : t(`matching.pairs.statuses.${event.to}`)}
              </strong>{' '}
              <span className="timeline-who">
                {formatDateTime(event.at, locale)}, {by}
                {event.by && role ? ` (${t(`pair.lifecycle.history.roles.${role}`)})` : ''}
              </span>
              {event.reason && (
                <p className="pre-line">{t('pair.lifecycle.history.reason', { reason: event.reason })}</p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
