import { useTranslation } from 'react-i18next';
import type { BookItemKind } from '../../../../shared/mentor-book.ts';
import { formatDateTime } from '../../../format.ts';
import { useApiData, useLocale } from '../../../hooks.ts';
import { bookPath, sharedBookSchema } from './bookApi.ts';
import { ItemContent } from './ItemCard.tsx';

/**
 * For the coordinator's view of a pair (those who run the programme): only the mentor-book items a
 * party shared with them on purpose, each exactly as written. Reading is logged by the server.
 * Renders nothing for anyone the server refuses.
 */
export function SharedWithCoordinator({ pairId }: { pairId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shared = useApiData(`${bookPath(pairId)}/shared`, sharedBookSchema);
  if (!shared.data) return null;
  const { items } = shared.data;
  return (
    <section aria-labelledby="book-shared-title" className="book-shared">
      <h2 id="book-shared-title">{t('book.shared.title')}</h2>
      {items.length === 0 ? (
        <p>{t('book.shared.none')}</p>
      ) : (
        <>
          <p>{t('book.shared.intro')}</p>
          {items.map((item) => (
            <article key={item.id} className="card book-item">
              <p className="book-item-meta">
                {t('book.shared.meta', {
                  kind: t(`book.kinds.${item.kind}`),
                  name: item.authorName,
                  role: t(`book.shared.roles.${item.authorRole}`),
                  date: formatDateTime(item.sharedAt, locale),
                })}
              </p>
              <ItemContent kind={item.kind as BookItemKind} content={item.content} full />
            </article>
          ))}
        </>
      )}
    </section>
  );
}
