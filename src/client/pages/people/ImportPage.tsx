import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import {
  ImportLimits,
  type ImportPreview,
  type ImportRowError,
  importPreviewSchema,
  importResultSchema,
  importRowErrorSchema,
} from '../../../shared/api.ts';
import { type Locale, locales, organisationRoles } from '../../../shared/roles.ts';
import { ApiError, api } from '../../api.ts';
import { Field, Form, SelectField, SubmitButton } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { formatNumber } from '../../format.ts';
import { useAction, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';

/** A refused import carries every row error beside the problem's usual members. */
const importProblemSchema = z.object({ rowErrors: z.array(importRowErrorSchema).optional() });

/** Rows shown in the preview table; the totals cover the whole file. */
const shownRows = 20;

/** Invites many people at once from a CSV or XLSX file: preview first, then import. */
export function ImportPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const viewer = useViewer();
  const [file, setFile] = useState<File | null>(null);
  const [mailLocale, setMailLocale] = useState<Locale>('sv');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  const check = useAction();
  const commit = useAction();
  const base = `/api/networks/${viewer.networkId}/imports`;

  function formData(): FormData {
    const form = new FormData();
    if (file) form.append('file', file);
    form.append('locale', mailLocale);
    return form;
  }

  async function runPreview() {
    setPreview(null);
    setCreated(null);
    commit.reset();
    if (!file) {
      throw new ApiError({
        type: 'about:blank',
        title: t('common.errors.validation'),
        status: 400,
        code: 'validation',
        errors: [{ field: 'file', message: t('people.import.chooseFile') }],
      });
    }
    setPreview(await api.postForm(`${base}/preview`, formData(), importPreviewSchema));
  }

  function runImport() {
    void commit.run(async () => {
      const result = await api.postForm(base, formData(), importResultSchema);
      setCreated(result.created);
      setPreview(null);
    });
  }

  const commitErrors = importProblemSchema.safeParse(commit.problem).data?.rowErrors ?? [];

  return (
    <Page title={t('people.import.title')}>
      <p>
        <Link to="/people">{t('people.backToList')}</Link>
      </p>
      <section className="card" aria-labelledby="import-form">
        <h2 id="import-form">{t('people.import.formTitle')}</h2>
        <p>{t('people.import.intro')}</p>
        <p className="hint">
          {t('people.import.columns', {
            roles: organisationRoles.join(', '),
            rows: formatNumber(ImportLimits.maxRows, locale),
            size: ImportLimits.maxFileBytes / 1024 / 1024,
          })}
        </p>
        <Form action={check} onSubmit={runPreview} idPrefix="import">
          <Field name="file" label={t('people.import.file')} hint={t('people.import.fileHint')}>
            {(control) => (
              <input
                {...control}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setPreview(null);
                  setCreated(null);
                }}
              />
            )}
          </Field>
          <SelectField
            name="locale"
            label={t('people.invite.language')}
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

      <div role="status">
        {created !== null && (
          <p className="notice notice-success">
            {t('people.import.created', { count: created })}{' '}
            <Link to="/people/invite">{t('people.import.seeInvitations')}</Link>
          </p>
        )}
      </div>

      {commit.problem && (
        <>
          <ProblemMessage problem={commit.problem} />
          {commitErrors.length > 0 && <RowErrors errors={commitErrors} />}
        </>
      )}

      {preview && (
        <section className="card" aria-labelledby="import-preview">
          <h2 id="import-preview">{t('people.import.previewTitle')}</h2>
          <p>
            {t('people.import.totals', { count: preview.totals.rows })}{' '}
            {organisationRoles
              .filter((role) => preview.totals.byRole[role] > 0)
              .map((role) => `${t(`common.roles.${role}`)}: ${preview.totals.byRole[role]}`)
              .join(', ')}
          </p>
          {preview.valid ? (
            <p className="notice notice-success">{t('people.import.valid')}</p>
          ) : (
            <p className="notice notice-error">
              {t('people.import.invalid', { count: preview.errors.length })}
            </p>
          )}
          {preview.errors.length > 0 && <RowErrors errors={preview.errors} />}
          <h3>{t('people.import.rowsTitle', { count: Math.min(shownRows, preview.rows.length) })}</h3>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('people.import.previewTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('people.import.row')}</th>
                  <th scope="col">{t('people.name')}</th>
                  <th scope="col">{t('people.email')}</th>
                  <th scope="col">{t('people.organisation')}</th>
                  <th scope="col">{t('people.role')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, shownRows).map((row) => (
                  <tr key={row.row}>
                    <th scope="row">{row.row}</th>
                    <td>{row.name}</td>
                    <td>{row.email}</td>
                    <td>{row.organisation}</td>
                    <td>{isKnownRole(row.role) ? t(`common.roles.${row.role}`) : row.role}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={!preview.valid || commit.pending}
              aria-busy={commit.pending}
              onClick={runImport}
            >
              {commit.pending
                ? t('common.working')
                : t('people.import.commit', { count: preview.totals.rows })}
            </button>
            {!preview.valid && <span className="hint">{t('people.import.fixFirst')}</span>}
          </div>
        </section>
      )}
    </Page>
  );
}

function isKnownRole(role: string): role is (typeof organisationRoles)[number] {
  return (organisationRoles as readonly string[]).includes(role);
}

function RowErrors({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('people.import.errorsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.import.row')}</th>
            <th scope="col">{t('people.import.field')}</th>
            <th scope="col">{t('people.import.message')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error) => (
            <tr key={`${error.row}-${error.field}-${error.message}`}>
              <th scope="row">{error.row}</th>
              <td>{t(`people.import.fields.${error.field}`)}</td>
              <td>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
