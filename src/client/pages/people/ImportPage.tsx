import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import {
  ImportLimits,
  type ImportPreview,
  type ImportResult,
  importPreviewSchema,
  importResultSchema,
  importRowErrorSchema,
  invitationLifetimeDays,
  type Organisation,
} from '../../../shared/api.ts';
import { type Locale, locales } from '../../../shared/roles.ts';
import { ApiError, api, organisationListSchema } from '../../api.ts';
import { DownloadLink } from '../../components/DownloadLink.tsx';
import { Field, Form, SelectField, SubmitButton } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { ScrollableTable } from '../../components/ScrollableTable.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { type Action, useAction, useApiData, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';
import { RowErrorSummary, RowTable } from './ImportRows.tsx';
import { roleInText, rowsToCorrectCsv, templateCsv } from './importFiles.ts';

/** A refused import carries every row error beside the problem's usual members. */
const refusedImportSchema = z.object({ rowErrors: z.array(importRowErrorSchema).min(1) });

/** Roles as the help and the totals name them: the participants first. */
const roleOrder = ['adept', 'mentor', 'manager', 'org_coordinator'] as const;

/** The preview table: every row with an error (up to this many) and the first rows of the file. */
const shownRows = 10;
const shownBadRows = 100;

type Stage =
  | { step: 'choose' }
  | { step: 'check'; preview: ImportPreview; fileName: string }
  | { step: 'done'; result: ImportResult };

/** A language's name inside a sentence: "på svenska", "in Swedish". */
function languageInText(language: Locale, locale: Locale, t: (key: string) => string) {
  const name = t(`common.languages.${language}`);
  return locale === 'sv' ? name.toLocaleLowerCase('sv') : name;
}

/** "a, b eller c" / "a, b or c". */
function orList(items: string[], locale: Locale) {
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(items);
}

/**
 * Invites many people at once from a CSV or XLSX file, in three steps: choose the file, check
 * every row (and import all of them, or only the valid ones), and a confirmation that says what
 * happens next and keeps the rows left out for correction.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [file, setFile] = useState<File | null>(null);
  const [mailLocale, setMailLocale] = useState<Locale>('sv');
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  /** The file no longer passed the checks when it was imported, and was checked again. */
  const [rechecked, setRechecked] = useState(false);
  const check = useAction();
  const commit = useAction();
  const base = `/api/networks/${viewer.networkId}/imports`;

  // A new step starts at its error summary, if it has one, else at its heading.
  const firstStage = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of step
  useEffect(() => {
    if (firstStage.current) {
      firstStage.current = false;
      return;
    }
    const target =
      document.querySelector<HTMLElement>('main .error-summary') ??
      document.querySelector<HTMLElement>('main h1');
    target?.focus();
  }, [stage]);

  function formData(validRowsOnly = false): FormData {
    const form = new FormData();
    if (file) form.append('file', file);
    form.append('locale', mailLocale);
    if (validRowsOnly) form.append('validRowsOnly', 'true');
    return form;
  }

  async function runPreview() {
    if (!file) {
      throw new ApiError({
        type: 'about:blank',
        title: t('common.errors.validation'),
        status: 400,
        code: 'validation',
        errors: [{ field: 'file', message: t('people.import.chooseFile') }],
      });
    }
    const preview = await api.postForm(`${base}/preview`, formData(), importPreviewSchema);
    commit.reset();
    setRechecked(false);
    setStage({ step: 'check', preview, fileName: file.name });
  }

  function runImport(validRowsOnly: boolean) {
    if (stage.step !== 'check') return;
    void commit.run(async () => {
      try {
        setStage({
          step: 'done',
          result: await api.postForm(base, formData(validRowsOnly), importResultSchema),
        });
      } catch (error) {
        // Valid at the preview but not now (someone invited the same people meanwhile): check again.
        if (!(error instanceof ApiError) || !refusedImportSchema.safeParse(error.problem).success)
          throw error;
        const preview = await api.postForm(`${base}/preview`, formData(), importPreviewSchema);
        setRechecked(true);
        setStage({ ...stage, preview });
      }
    });
  }

  function startOver() {
    setFile(null);
    check.reset();
    commit.reset();
    setStage({ step: 'choose' });
  }

  if (stage.step === 'check') {
    return (
      <CheckStep
        preview={stage.preview}
        fileName={stage.fileName}
        mailLocale={mailLocale}
        commit={commit}
        rechecked={rechecked}
        onImport={runImport}
        onStartOver={startOver}
      />
    );
  }
  if (stage.step === 'done') {
    return <DoneStep result={stage.result} mailLocale={mailLocale} onStartOver={startOver} />;
  }

  return (
    <Page title={t('people.import.title')} caption={t('people.import.step', { step: 1 })}>
      <p>
        <Link to="/people">{t('people.backToList')}</Link>
      </p>
      <p className="lead">{t('people.import.intro')}</p>
      <FileHelp />
      <section className="card" aria-labelledby="import-form">
        <h2 id="import-form">{t('people.import.formTitle')}</h2>
        <Form action={check} onSubmit={runPreview} idPrefix="import">
          <Field
            name="file"
            label={t('people.import.file')}
            hint={t('people.import.fileHint', { size: ImportLimits.maxFileBytes / 1024 / 1024 })}
          >
            {(control) => (
              <input
                {...control}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <SelectField
            name="locale"
            label={t('people.import.language')}
            hint={t('people.import.languageHint')}
            value={mailLocale}
            options={locales.map((value) => ({ value, label: t(`common.languages.${value}`) }))}
            onChange={setMailLocale}
          />
          <div className="form-actions">
            <SubmitButton action={check}>{t('people.import.preview')}</SubmitButton>
          </div>
        </Form>
      </section>
    </Page>
  );
}

/** What the file must hold, its limits, and what happens after an import: said before they bite. */
function FileHelp() {
  const { t } = useTranslation();
  const locale = useLocale();
  const viewer = useViewer();
  const organisations = useApiData(`/api/networks/${viewer.networkId}/organisations`, organisationListSchema);
  const own: Organisation[] = (organisations.data ?? []).filter(
    (o) => viewer.isAdmin || viewer.coordinatorOrganisationIds.includes(o.id),
  );
  const names = own.map((o) => o.name);
  // Coordinators invite managers, mentors and adepts; administrators coordinators too.
  const roles = roleOrder
    .filter((role) => viewer.isAdmin || role !== 'org_coordinator')
    .map((role) => roleInText(role, t));
  const example = [
    t('people.import.exampleName'),
    t('people.import.exampleEmail'),
    names[0] ?? t('people.import.exampleOrganisation'),
    roleInText('adept', t),
  ];
  const shortList = names.length <= 6;

  return (
    <section className="card" aria-labelledby="import-help">
      <h2 id="import-help">{t('people.import.formatTitle')}</h2>
      <ul className="import-help-list">
        <li>{t('people.import.formatHeader')}</li>
        {names.length > 0 && (
          <li>
            {viewer.isAdmin
              ? t(
                  shortList ? 'people.import.formatOrganisationAll' : 'people.import.formatOrganisationSome',
                  {
                    organisations: new Intl.ListFormat(locale, { type: 'conjunction' }).format(
                      shortList ? names : names.slice(0, 3),
                    ),
                  },
                )
              : t('people.import.formatOrganisationOwn', {
                  organisations: orList(names, locale),
                })}
          </li>
        )}
        <li>{t('people.import.formatRole', { roles: orList(roles, locale) })}</li>
        <li>{t('people.import.formatOther', { columns: ImportLimits.maxColumns })}</li>
        <li>
          {t('people.import.formatLimits', {
            rows: formatNumber(ImportLimits.maxRows, locale),
            size: ImportLimits.maxFileBytes / 1024 / 1024,
          })}
        </li>
      </ul>
      <ScrollableTable caption={t('people.import.exampleCaption')}>
        <thead>
          <tr>
            {(['name', 'email', 'organisation', 'role'] as const).map((field) => (
              <th scope="col" key={field}>
                {t(`people.import.csvColumns.${field}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {example.map((value) => (
              <td key={value}>{value}</td>
            ))}
          </tr>
        </tbody>
      </ScrollableTable>
      <p>
        <DownloadLink content={templateCsv(example, t)} filename={t('people.import.templateFile')}>
          {t('people.import.template')}
        </DownloadLink>
      </p>
      <h3>{t('people.import.nextTitle')}</h3>
      <ul className="import-help-list">
        <li>{t('people.import.nextPreview')}</li>
        <li>{t('people.import.nextMail', { days: invitationLifetimeDays })}</li>
        <li>{t('people.import.nextFollow')}</li>
      </ul>
    </section>
  );
}

interface CheckStepProps {
  preview: ImportPreview;
  fileName: string;
  mailLocale: Locale;
  commit: Action;
  rechecked: boolean;
  onImport(validRowsOnly: boolean): void;
  onStartOver(): void;
}

/** Step 2: every row checked, the bad ones marked, and the choice of what to import. */
function CheckStep({
  preview,
  fileName,
  mailLocale,
  commit,
  rechecked,
  onImport,
  onStartOver,
}: CheckStepProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { totals } = preview;
  const invalid = totals.rows - totals.valid;
  const n = (count: number) => formatNumber(count, locale);
  const badRowNumbers = new Set(preview.errors.map((e) => e.row));
  const badRows = preview.rows.filter((row) => badRowNumbers.has(row.row));
  const shownBad = new Set(badRows.slice(0, shownBadRows).map((row) => row.row));
  const shown = preview.rows.filter((row, index) => index < shownRows || shownBad.has(row.row));
  const roles = roleOrder
    .filter((role) => totals.byRole[role] > 0)
    .map((role) => `${roleInText(role, t)} ${n(totals.byRole[role])}`)
    .join(', ');

  return (
    <Page title={t('people.import.checkTitle')} caption={t('people.import.step', { step: 2 })}>
      {rechecked && <p className="notice">{t('people.import.rechecked')}</p>}
      {commit.problem && <ProblemMessage problem={commit.problem} />}
      {invalid > 0 && <RowErrorSummary errors={preview.errors} idPrefix="import" />}

      <dl className="facts import-totals">
        <dt>{t('people.import.fileLabel')}</dt>
        <dd>{fileName}</dd>
        <dt>{t('people.import.rowsInFile')}</dt>
        <dd>{n(totals.rows)}</dd>
        <dt>{t('people.import.rowsValid')}</dt>
        <dd>
          {n(totals.valid)}
          {roles && ` (${roles})`}
        </dd>
        <dt>{t('people.import.rowsInvalid')}</dt>
        <dd>{n(invalid)}</dd>
      </dl>

      {invalid === 0 && <p className="notice notice-success">{t('people.import.allValid')}</p>}

      <RowTable
        rows={shown}
        errors={preview.errors}
        idPrefix="import"
        caption={
          shown.length < totals.rows
            ? t('people.import.tableCaptionPart', { first: n(shownRows), total: n(totals.rows) })
            : t('people.import.tableCaption')
        }
      />
      {badRows.length > shownBadRows && (
        <p className="hint">{t('people.import.badRowsCut', { shown: n(shownBadRows) })}</p>
      )}

      <section className="card import-choice" aria-labelledby="import-choice">
        {invalid === 0 ? (
          <>
            <h2 id="import-choice">{t('people.import.commitTitle')}</h2>
            <p>{t('people.import.commitAllHint', { language: languageInText(mailLocale, locale, t) })}</p>
            <div className="form-actions">
              <ImportButton commit={commit} onClick={() => onImport(false)}>
                {t('people.import.commitAll', { count: totals.valid, n: n(totals.valid) })}
              </ImportButton>
              <button type="button" className="button" onClick={onStartOver}>
                {t('people.import.otherFile')}
              </button>
            </div>
          </>
        ) : (
          <>
            <h2 id="import-choice">{t('people.import.choiceTitle')}</h2>
            {totals.valid > 0 ? (
              <>
                <p>{t('people.import.choiceText', { count: invalid, n: n(invalid) })}</p>
                <p>
                  {t('people.import.commitValidHint', { language: languageInText(mailLocale, locale, t) })}
                </p>
              </>
            ) : (
              <p>{t('people.import.noneValid')}</p>
            )}
            <p>
              <DownloadLink
                content={rowsToCorrectCsv(badRows, preview.errors, t)}
                filename={t('people.import.downloadFile')}
              >
                {t('people.import.download', { count: invalid, n: n(invalid) })}
              </DownloadLink>
            </p>
            <p className="hint">{t('people.import.downloadHint')}</p>
            <div className="form-actions">
              {totals.valid > 0 && (
                <ImportButton commit={commit} onClick={() => onImport(true)}>
                  {t('people.import.commitValid', { count: totals.valid, n: n(totals.valid) })}
                </ImportButton>
              )}
              <button type="button" className="button" onClick={onStartOver}>
                {t('people.import.otherFile')}
              </button>
            </div>
          </>
        )}
      </section>
    </Page>
  );
}

function ImportButton({ commit, onClick, children }: { commit: Action; onClick(): void; children: string }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button-primary"
      disabled={commit.pending}
      aria-busy={commit.pending}
      onClick={onClick}
    >
      {commit.pending ? t('common.working') : children}
    </button>
  );
}

/** Step 3: what was done, what happens next, and the rows left out, to correct and import again. */
function DoneStep({
  result,
  mailLocale,
  onStartOver,
}: {
  result: ImportResult;
  mailLocale: Locale;
  onStartOver(): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (count: number) => formatNumber(count, locale);
  const left = result.rejected.length;
  return (
    <Page title={t('people.import.doneTitle', { count: result.created, n: n(result.created) })}>
      {left > 0 && (
        <p className="notice notice-error">
          <span className="notice-icon" aria-hidden="true">
            !
          </span>{' '}
          {t('people.import.doneRejected', { count: left, n: n(left) })}
        </p>
      )}
      <section className="card" aria-labelledby="import-next">
        <h2 id="import-next">{t('people.import.nowTitle')}</h2>
        <ul className="import-help-list">
          <li>{t('people.import.doneMail', { language: languageInText(mailLocale, locale, t) })}</li>
          <li>
            {t('people.import.doneExpires', {
              date: formatDate(result.expiresAt, locale),
              days: invitationLifetimeDays,
            })}
          </li>
          <li>{t('people.import.doneFollow')}</li>
        </ul>
        <p className="link-row">
          <Link to="/people/invite">{t('people.import.seeInvitations')}</Link>
          <Link to="/people">{t('people.import.toPeople')}</Link>
        </p>
      </section>
      {left > 0 && (
        <section aria-labelledby="import-rejected">
          <h2 id="import-rejected">{t('people.import.rejectedTitle', { count: left, n: n(left) })}</h2>
          <p>{t('people.import.rejectedText')}</p>
          <p>
            <DownloadLink
              content={rowsToCorrectCsv(result.rejected, result.errors, t)}
              filename={t('people.import.downloadFile')}
              className="button button-primary"
            >
              {t('people.import.download', { count: left, n: n(left) })}
            </DownloadLink>
          </p>
          <RowTable
            rows={result.rejected.slice(0, shownBadRows)}
            errors={result.errors}
            idPrefix="rejected"
            caption={t('people.import.rejectedCaption')}
          />
          {left > shownBadRows && (
            <p className="hint">{t('people.import.badRowsCut', { shown: n(shownBadRows) })}</p>
          )}
        </section>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onStartOver}>
          {t('people.import.importMore')}
        </button>
      </div>
    </Page>
  );
}
