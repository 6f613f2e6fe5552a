import { useTranslation } from 'react-i18next';
import type { ImportField, ImportRow, ImportRowError } from '../../../shared/api.ts';
import { type LinkedError, LinkedErrorSummary } from '../../components/LinkedErrorSummary.tsx';
import { ScrollableTable } from '../../components/ScrollableTable.tsx';
import { formatNumber } from '../../format.ts';
import { useLocale } from '../../hooks.ts';
import { errorsByRow, errorText, isOrganisationRole } from './importFiles.ts';

/** The rows with errors the summary links to; the table shows them all. */
const summaryRows = 10;

/** The id of a row's heading cell, which the error summary links to. */
export const rowTarget = (idPrefix: string, row: number) => `${idPrefix}-row-${row}`;

/** Every row with errors, at the top: "Rad 4: Namn: Måste fyllas i.", each linking to its row. */
export function RowErrorSummary({
  errors,
  idPrefix,
  title,
}: {
  errors: readonly ImportRowError[];
  idPrefix: string;
  /** Instead of "N rader har fel". */
  title?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const byRow = [...errorsByRow(errors)];
  if (byRow.length === 0) return null;
  const items: LinkedError[] = byRow.slice(0, summaryRows).map(([row, rowErrors]) => ({
    target: rowTarget(idPrefix, row),
    text: t('people.import.summaryItem', {
      row,
      messages: rowErrors.map((error) => errorText(error, t)).join(' '),
    }),
  }));
  const left = byRow.length - items.length;
  return (
    <LinkedErrorSummary
      title={
        title ??
        t('people.import.summaryTitle', { count: byRow.length, n: formatNumber(byRow.length, locale) })
      }
      errors={items}
      more={
        left > 0 ? t('people.import.summaryMore', { count: left, n: formatNumber(left, locale) }) : undefined
      }
    />
  );
}

interface RowTableProps {
  rows: readonly ImportRow[];
  errors: readonly ImportRowError[];
  caption: string;
  idPrefix: string;
}

/**
 * The file's rows as read: each row's check ("OK", or "Fel" with every message), and each cell
 * with a problem marked by an icon, a border and, for screen readers, words.
 */
export function RowTable({ rows, errors, caption, idPrefix }: RowTableProps) {
  const { t } = useTranslation();
  const byRow = errorsByRow(errors);
  return (
    <ScrollableTable caption={caption} className="import-table">
      <thead>
        <tr>
          <th scope="col">{t('people.import.row')}</th>
          <th scope="col">{t('people.import.check')}</th>
          <th scope="col">{t('people.import.fields.name')}</th>
          <th scope="col">{t('people.import.fields.email')}</th>
          <th scope="col">{t('people.import.fields.organisation')}</th>
          <th scope="col">{t('people.import.fields.role')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const rowErrors = byRow.get(row.row) ?? [];
          const flagged = new Set(rowErrors.map((error) => error.field));
          const cell = (field: ImportField, text: string) => (
            <Cell key={field} text={text} flagged={flagged.has(field)} />
          );
          return (
            <tr key={row.row} className={rowErrors.length ? 'import-row-invalid' : undefined}>
              <th scope="row" id={rowTarget(idPrefix, row.row)} tabIndex={rowErrors.length ? -1 : undefined}>
                {row.row}
              </th>
              <td className="import-check">
                {rowErrors.length ? (
                  <>
                    <strong className="row-status row-status-error">
                      <span className="row-status-icon" aria-hidden="true">
                        ✕
                      </span>{' '}
                      {t('people.import.error')}
                    </strong>
                    <ul className="row-errors">
                      {rowErrors.map((error) => (
                        <li key={`${error.field}:${error.message}`}>{errorText(error, t)}</li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <span className="row-status row-status-ok">
                    <span className="row-status-icon" aria-hidden="true">
                      ✓
                    </span>{' '}
                    {t('people.import.ok')}
                  </span>
                )}
              </td>
              {cell('name', row.name)}
              {cell('email', row.email)}
              {cell('organisation', row.organisation)}
              {cell('role', isOrganisationRole(row.role) ? t(`common.roles.${row.role}`) : row.role)}
            </tr>
          );
        })}
      </tbody>
    </ScrollableTable>
  );
}

function Cell({ text, flagged }: { text: string; flagged: boolean }) {
  const { t } = useTranslation();
  if (!flagged) return <td>{text}</td>;
  return (
    <td className="cell-invalid">
      <span className="cell-flag" aria-hidden="true">
        !
      </span>
      {text || <em>{t('people.import.missing')}</em>}
      <span className="visually-hidden"> ({t('people.import.cellError')})</span>
    </td>
  );
}
