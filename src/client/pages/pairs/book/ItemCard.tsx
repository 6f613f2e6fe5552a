import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookItem, BookItemKind } from '../../../../shared/mentor-book.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { ProblemMessage } from '../../../components/ProblemMessage.tsx';
import { formatDate, formatDateTime } from '../../../format.ts';
import { useAction, useLocale } from '../../../hooks.ts';
import { bookApi } from './bookApi.ts';
import { ItemForm, type ItemFormProps } from './ItemForm.tsx';

/**
 * The content fields shown for each kind, in order (the label keys are book.fields.<key>.label).
 * The field that names the item (a goal's title, a step, a book) is its heading on a card, so it is
 * listed only where there is no heading (`full`).
 */
const namingField: Partial<Record<BookItemKind, string>> = {
  goal: 'title',
  action: 'what',
  reading_note: 'book',
};
const shownFields: Record<BookItemKind, string[]> = {
  goal: ['title', 'specific', 'measurable', 'achievable', 'relevant', 'timeBound'],
  action: ['what', 'dueOn', 'done'],
  meeting_log: ['sinceLastTime', 'dialogue', 'beforeNextTime'],
  progress: ['rating', 'ratedOn', 'note'],
  reflection: ['prompt', 'dueOn', 'answer'],
  homework: ['prompt', 'dueOn', 'answer'],
  reading_note: ['book', 'note'],
};

/** A heading for the item: a goal's title, a meeting's date, a step's text… */
export function itemTitle(item: BookItem, t: TFunction, locale: 'sv' | 'en'): string {
  const c = item.content as Record<string, unknown>;
  switch (item.kind) {
    case 'goal':
      return String(c.title);
    case 'action':
      return String(c.what);
    case 'meeting_log':
      return `${t('book.kinds.meeting_log')} ${formatDate(String(c.heldOn), locale)}`;
    case 'progress':
      return `${t('book.kinds.progress')} ${formatDate(String(c.ratedOn), locale)}`;
    case 'reading_note':
      return String(c.book);
    default:
      return t(`book.kinds.${item.kind}`);
  }
}

/** The item's content as a description list; what a person reads, and what the share dialog shows. */
export function ItemContent({
  kind,
  content,
  full,
}: {
  kind: BookItemKind;
  content: Record<string, unknown>;
  /** Every field, the naming one too (where the item has no heading of its own). */
  full?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labelKey = (key: string) =>
    (kind === 'reflection' || kind === 'homework') && key === 'dueOn' ? 'promptDue' : key;
  const show = (key: string, value: unknown): ReactNode => {
    if (typeof value === 'boolean') return value ? t('book.yes') : t('book.no');
    if (value === null || value === '') return <span className="hint">–</span>;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
    if (key === 'rating') return `${value} / 10`;
    return <span className="pre-line">{String(value)}</span>;
  };
  return (
    <dl className="book-content">
      {shownFields[kind]
        .filter((key) => full || key !== namingField[kind])
        .map((key) => (
          <div key={key}>
            <dt>{t(`book.fields.${labelKey(key)}.label`)}</dt>
            <dd>{show(key, content[key])}</dd>
          </div>
        ))}
    </dl>
  );
}

interface ItemCardProps {
  item: BookItem;
  pairId: string;
  otherName: string;
  /** Shown under the meta line (e.g. the goal it belongs to). */
  context?: ReactNode;
  /** Headings inside a section are h3; inside a goal, h4. */
  headingLevel?: 3 | 4;
  /** What the edit form needs besides the item. */
  formProps: Pick<ItemFormProps, 'goals' | 'meetings' | 'today'>;
  hideContent?: boolean;
  onChanged(): void;
  children?: ReactNode;
}

/** One item: its content, who wrote it and who sees it, and what the caller may do with it. */
export function ItemCard({
  item,
  pairId,
  otherName,
  context,
  headingLevel = 3,
  formProps,
  hideContent,
  onChanged,
  children,
}: ItemCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<'delete' | 'share' | 'unshare' | null>(null);
  const action = useAction();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const title = itemTitle(item, t, locale);
  const content = item.content as Record<string, unknown>;

  async function run(which: 'delete' | 'share' | 'unshare') {
    const ok = await action.run(async () => {
      if (which === 'delete') await bookApi.remove(pairId, item.id);
      if (which === 'share') await bookApi.share(pairId, item.id);
      if (which === 'unshare') await bookApi.unshare(pairId, item.id);
    });
    setConfirm(null);
    if (ok) onChanged();
  }

  return (
    <article className="card book-item" aria-label={title}>
      <Heading className="book-item-title">{title}</Heading>
      <p className="book-item-meta">
        {item.author.isMe ? t('book.meta.byMe') : t('book.meta.byOther', { name: item.author.name })},{' '}
        {t('book.meta.updated', { date: formatDateTime(item.updatedAt, locale) })}{' '}
        <span className={item.visibility === 'private' ? 'badge badge-muted' : 'badge badge-ok'}>
          {item.visibility === 'private'
            ? t('book.visibility.privateBadge')
            : t('book.visibility.sharedBadge', { other: otherName })}
        </span>{' '}
        {item.sharedWithCoordinatorAt && (
          <span className="badge badge-pending">{t('book.coordinator.badge')}</span>
        )}
      </p>
      {context}
      {action.problem && <ProblemMessage problem={action.problem} />}
      {editing ? (
        <ItemForm
          pairId={pairId}
          kind={item.kind}
          item={item}
          otherName={otherName}
          {...formProps}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {!hideContent && <ItemContent kind={item.kind} content={content} />}
          {children}
          {(item.canEdit || item.canDelete || item.author.isMe) && (
            <div className="book-item-actions">
              {item.canEdit && (
                <button type="button" className="button button-small" onClick={() => setEditing(true)}>
                  {t('book.edit')}
                  <span className="visually-hidden">: {title}</span>
                </button>
              )}
              {item.author.isMe &&
                item.visibility === 'shared' &&
                item.canEdit &&
                !item.sharedWithCoordinatorAt && (
                  <button type="button" className="button button-small" onClick={() => setConfirm('share')}>
                    {t('book.coordinator.share')}
                    <span className="visually-hidden">: {title}</span>
                  </button>
                )}
              {item.author.isMe && item.sharedWithCoordinatorAt && (
                <button type="button" className="button button-small" onClick={() => setConfirm('unshare')}>
                  {t('book.coordinator.unshare')}
                  <span className="visually-hidden">: {title}</span>
                </button>
              )}
              {item.canDelete && (
                <button
                  type="button"
                  className="button button-small button-danger"
                  onClick={() => setConfirm('delete')}
                >
                  {t('book.delete')}
                  <span className="visually-hidden">: {title}</span>
                </button>
              )}
            </div>
          )}
        </>
      )}
      <ConfirmDialog
        open={confirm === 'share'}
        title={t('book.coordinator.confirmTitle')}
        confirmLabel={t('book.coordinator.confirm')}
        pending={action.pending}
        onConfirm={() => void run('share')}
        onCancel={() => setConfirm(null)}
      >
        <p>{t('book.coordinator.confirmBody')}</p>
        <div className="book-share-preview">
          <p>
            <strong>
              {t(`book.kinds.${item.kind}`)}: {title}
            </strong>
          </p>
          <ItemContent kind={item.kind} content={content} />
        </div>
        <p>{t('book.coordinator.confirmAfter')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'unshare'}
        title={t('book.coordinator.unshareTitle')}
        confirmLabel={t('book.coordinator.unshareConfirm')}
        pending={action.pending}
        onConfirm={() => void run('unshare')}
        onCancel={() => setConfirm(null)}
      >
        <p>{t('book.coordinator.unshareBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'delete'}
        title={t('book.deleteConfirm.title')}
        confirmLabel={t('book.deleteConfirm.confirm')}
        danger
        pending={action.pending}
        onConfirm={() => void run('delete')}
        onCancel={() => setConfirm(null)}
      >
        <p>
          <strong>{title}</strong>
        </p>
        <p>{item.kind === 'goal' ? t('book.deleteConfirm.goalBody') : t('book.deleteConfirm.body')}</p>
      </ConfirmDialog>
    </article>
  );
}
