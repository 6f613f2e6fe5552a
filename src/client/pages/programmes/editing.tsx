import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../shared/programme.ts';
import { ProgrammeLimits } from '../../../shared/programme.ts';
import { TextField } from '../../components/Form.tsx';

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

/** A key like "milestone-3" that no item in the list has yet. */
export function freshKey(prefix: string, items: readonly { key: string }[]): string {
  let n = items.length + 1;
  while (items.some((item) => item.key === `${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
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
export function ItemControls({ index, count, itemLabel, onMove, onRemove }: ItemControlsProps) {
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
