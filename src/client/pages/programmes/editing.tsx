import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../shared/programme.ts';
import { ProgrammeLimits } from '../../../shared/programme.ts';
import { FieldGroup, TextField } from '../../components/Form.tsx';

/** Props of a part of the settings editor: its value, where it sits in the request, and how to change it. */
export interface SectionProps<T> {
  value: T;
  path: string;
  onChange(value: T): void;
}

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, i) => (i === index ? item : existing));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  const [item] = result.splice(from, 1);
  if (item !== undefined) result.splice(to, 0, item);
  return result;
}

/**
 * Whether list items show their internal key. Off unless the administrator asks for it under
 * "Advanced", or the server refused a key; new items get keys made from their labels on saving.
 */
export const ShowKeysContext = createContext(false);

/** The internal key of a list item, shown only when asked for (see ShowKeysContext). */
export function KeyField({
  path,
  value,
  onChange,
}: {
  path: string;
  value: string;
  onChange(key: string): void;
}) {
  const { t } = useTranslation();
  const shown = useContext(ShowKeysContext);
  if (!shown) return null;
  return (
    <TextField
      name={`${path}.key`}
      label={t('programmes.editor.key')}
      hint={t(value ? 'programmes.editor.keyHint' : 'programmes.editor.keyHintNew')}
      maxLength={ProgrammeLimits.keyMax}
      spellCheck={false}
      autoCapitalize="off"
      value={value}
      onChange={onChange}
    />
  );
}

/** A label marked as optional: "Anmärkning (valfritt)". */
export function useOptionalLabel(): (label: string) => string {
  const { t } = useTranslation();
  return (label) => t('programmes.editor.optional', { label });
}

/**
 * One part of the programme editor: a heading (which takes focus when the part is opened from the
 * section menu), an optional introduction, and the fields.
 */
export function EditorSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="editor-section" aria-labelledby={`section-${id}`}>
      <h2 id={`section-${id}`} className="section-title" tabIndex={-1}>
        {title}
      </h2>
      {intro && <p className="hint section-intro">{intro}</p>}
      {children}
    </section>
  );
}

/** The two language versions of a text shown to participants. */
export function LocalizedTextFields({
  value,
  path,
  onChange,
  label,
}: SectionProps<LocalizedText> & { label: string }) {
  const { t } = useTranslation();
  return (
    <div className="field-row">
      <TextField
        name={`${path}.sv`}
        label={t('programmes.inSwedish', { label })}
        lang="sv"
        required
        maxLength={ProgrammeLimits.textMax}
        value={value.sv}
        onChange={(sv) => onChange({ ...value, sv })}
      />
      <TextField
        name={`${path}.en`}
        label={t('programmes.inEnglish', { label })}
        lang="en"
        required
        maxLength={ProgrammeLimits.textMax}
        value={value.en}
        onChange={(en) => onChange({ ...value, en })}
      />
    </div>
  );
}

interface ItemControlsProps {
  index: number;
  count: number;
  /** Names the item for the buttons' accessible names, e.g. "Milestone 2". */
  itemLabel: string;
  onMove?(from: number, to: number): void;
  onRemove(): void;
}

/** Move up, move down (when the order matters) and remove, for one item of a list. */
function ItemControls({ index, count, itemLabel, onMove, onRemove }: ItemControlsProps) {
  const { t } = useTranslation();
  return (
    <div className="item-controls">
      {onMove && (
        <>
          <button
            type="button"
            className="button button-small"
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
            aria-label={t('programmes.moveUp', { item: itemLabel })}
          >
            {t('programmes.moveUpShort')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
            aria-label={t('programmes.moveDown', { item: itemLabel })}
          >
            {t('programmes.moveDownShort')}
          </button>
        </>
      )}
      <button
        type="button"
        className="button button-small button-danger"
        onClick={onRemove}
        aria-label={t('programmes.remove', { item: itemLabel })}
      >
        {t('programmes.removeShort')}
      </button>
    </div>
  );
}

/** What a list editor hands to the fields of one item. */
export interface ListItem<T> {
  item: T;
  /** The item's place in the request, e.g. "settings.processPlan.2". */
  path: string;
  /** The item's name, e.g. "Milestone 3". */
  label: string;
  /** Changes some of the item's fields. */
  set(patch: Partial<T>): void;
}

interface ListEditorProps<T> {
  items: readonly T[];
  /** The list's place in the request; item i's fields are under `${path}.${i}`. */
  path: string;
  onChange(items: T[]): void;
  /** Names item n (counted from 1): its legend, its group in the error summary and its buttons. */
  itemLabel(n: number): string;
  /** Goes before the item's name in its buttons' names, for a list inside an item (e.g. "Question 2"). */
  controlsPrefix?: string;
  /** Shown instead of the items when there are none. */
  empty?: string;
  /** A new item with its defaults, to add after the items there are. */
  newItem(items: readonly T[]): NoInfer<T>;
  addLabel: string;
  /** How many items the list may have; the add button gives way to a note at this many. */
  max: number;
  /** A small add button, for a list inside an item. */
  compact?: boolean;
  /** The fields of one item. */
  children(entry: ListItem<T>): ReactNode;
}

/**
 * An ordered list of items edited in place: each item a fieldset with its fields, move up, move
 * down and remove; an add button under the list while there is room.
 */
export function ListEditor<T>({
  items,
  path,
  onChange,
  itemLabel,
  controlsPrefix,
  empty,
  newItem,
  addLabel,
  max,
  compact,
  children,
}: ListEditorProps<T>) {
  const { t } = useTranslation();
  return (
    <>
      {empty !== undefined && items.length === 0 && <p>{empty}</p>}
      {items.map((item, index) => {
        const label = itemLabel(index + 1);
        const set = (patch: Partial<T>) => onChange(replaceAt(items, index, { ...item, ...patch }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: an item's only identity is its editable key
          <fieldset key={index} className="list-item">
            <legend>{label}</legend>
            <FieldGroup label={label}>
              <ItemControls
                index={index}
                count={items.length}
                itemLabel={controlsPrefix ? `${controlsPrefix}, ${label}` : label}
                onMove={(from, to) => onChange(move(items, from, to))}
                onRemove={() => onChange(removeAt(items, index))}
              />
              {children({ item, path: `${path}.${index}`, label, set })}
            </FieldGroup>
          </fieldset>
        );
      })}
      {items.length < max ? (
        <div className="list-add">
          <button
            type="button"
            className={compact ? 'button button-small' : 'button'}
            onClick={() => onChange([...items, newItem(items)])}
          >
            {addLabel}
          </button>
          {!compact && items.length >= max - 3 && (
            <span className="hint">{t('programmes.editor.roomLeft', { count: max - items.length })}</span>
          )}
        </div>
      ) : (
        <p className="hint">{t('programmes.editor.listFull', { count: max })}</p>
      )}
    </>
  );
}
