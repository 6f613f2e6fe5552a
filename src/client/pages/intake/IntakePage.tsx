import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { z } from 'zod';
import {
  type Application,
  applicationStatuses,
  applicationStatusSchema,
  bulkActionResultSchema,
  bulkActions,
  IntakeLimits,
} from '../../../shared/intake.ts';
import { programmeSchema } from '../../../shared/programme.ts';
import { participantRoles } from '../../../shared/roles.ts';
import { api, applicationListSchema, organisationListSchema, roundListSchema, withQuery } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import {
  Form,
  problemBeforeSending,
  SelectField,
  SubmitButton,
  TextAreaField,
} from '../../components/Form.tsx';
import { Loaded, Page } from '../../components/Page.tsx';
import { formatDate } from '../../format.ts';
import { useAction, useApiData, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';
import { EligibilityBadge, StatusBadge } from './ApplicationParts.tsx';

const filterNames = ['role', 'organisationId', 'status', 'eligible', 'roundId'] as const;
type FilterName = (typeof filterNames)[number];
type BulkAction = (typeof bulkActions)[number];
type BulkResult = z.infer<typeof bulkActionResultSchema>;

/** The coordinator's intake view of one programme: filter, select, act on many, export. */
export function IntakePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])) as Record<
    FilterName,
    string
  >;
  const programme = useApiData(`/api/programmes/${id}`, programmeSchema);
  const organisations = useApiData(`/api/networks/${viewer.networkId}/organisations`, organisationListSchema);
  const rounds = useApiData(`/api/programmes/${id}/rounds`, roundListSchema);
  const listPath = withQuery(`/api/programmes/${id}/applications`, filters);
  const applications = useApiData(listPath, applicationListSchema);
  const [selected, setSelected] = useState<string[]>([]);
  const [result, setResult] = useState<{
    action: BulkAction;
    result: BulkResult;
    names: Map<string, string>;
  }>();

  function setFilter(name: FilterName, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    setSelected([]);
  }

  const exportQuery = (format: 'csv' | 'xlsx') =>
    withQuery(`/api/programmes/${id}/applications/export`, { format, ...filters });

  const filterSelect = (
    name: FilterName,
    label: string,
    allLabel: string,
    options: readonly { value: string; label: string }[],
  ) => (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} value={filters[name]} onChange={(e) => setFilter(name, e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <Page
      title={
        programme.data
          ? t('intake.coordinator.title', { programme: programme.data.name })
          : t('intake.coordinator.titleShort')
      }
      actions={
        <>
          <a className="button" href={exportQuery('csv')} download>
            {t('intake.coordinator.exportCsv')}
          </a>
          <a className="button" href={exportQuery('xlsx')} download>
            {t('intake.coordinator.exportXlsx')}
          </a>
        </>
      }
    >
      <p>
        <Link to={`/programmes/${id}`}>{t('intake.coordinator.backToProgramme')}</Link>
      </p>
      <p>{viewer.isAdmin ? t('intake.coordinator.introAdmin') : t('intake.coordinator.introCoordinator')}</p>
      <search className="filters" aria-label={t('intake.coordinator.filters')}>
        {filterSelect(
          'role',
          t('intake.fields.role'),
          t('intake.coordinator.allRoles'),
          participantRoles.map((r) => ({ value: r, label: t(`common.roles.${r}`) })),
        )}
        {filterSelect(
          'organisationId',
          t('intake.fields.organisation'),
          t('intake.coordinator.allOrganisations'),
          (organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
        )}
        {filterSelect(
          'status',
          t('intake.fields.status'),
          t('intake.coordinator.allStatuses'),
          applicationStatuses.map((s) => ({ value: s, label: t(`intake.statuses.${s}`) })),
        )}
        {filterSelect('eligible', t('intake.fields.eligibility'), t('intake.coordinator.allEligibility'), [
          { value: 'true', label: t('intake.eligibility.badges.met') },
          { value: 'false', label: t('intake.eligibility.badges.unmet') },
        ])}
        {(rounds.data?.length ?? 0) > 0 &&
          filterSelect(
            'roundId',
            t('intake.fields.round'),
            t('intake.coordinator.allRounds'),
            (rounds.data ?? []).map((r) => ({ value: r.id, label: r.name })),
          )}
      </search>
      <div role="status">{result && <BulkResultMessage {...result} />}</div>
      <Loaded state={applications}>
        {(list) => (
          <>
            <p className="result-count">{t('intake.coordinator.count', { count: list.length })}</p>
            <BulkBar
              programmeId={id}
              selected={selected.filter((s) => list.some((a) => a.id === s))}
              onDone={(action, outcome) => {
                setResult({
                  action,
                  result: outcome,
                  names: new Map(list.map((a) => [a.id, a.applicant.name])),
                });
                setSelected([]);
                applications.reload();
              }}
            />
            <ApplicationsTable applications={list} selected={selected} onSelect={setSelected} />
          </>
        )}
      </Loaded>
    </Page>
  );
}

/** The server names why an application was skipped with a code ("status_approved"); in words here. */
function skipReason(reason: string, t: TFunction): string {
  if (reason === 'not_found') return t('intake.coordinator.skipReasons.notFound');
  if (reason === 'own_application') return t('intake.coordinator.skipReasons.ownApplication');
  const status = applicationStatusSchema.safeParse(reason.replace(/^status_/, ''));
  if (reason.startsWith('status_') && status.success) {
    return t('intake.coordinator.skipReasons.status', { status: t(`intake.statuses.${status.data}`) });
  }
  return reason;
}

function BulkResultMessage({
  action,
  result,
  names,
}: {
  action: BulkAction;
  result: BulkResult;
  names: Map<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <div className={result.skipped.length > 0 ? 'notice' : 'notice notice-success'}>
      <p>{t(`intake.coordinator.done.${action}`, { count: result.updated.length })}</p>
      {result.skipped.length > 0 && (
        <>
          <p>{t('intake.coordinator.skipped', { count: result.skipped.length })}</p>
          <ul>
            {result.skipped.map((skip) => (
              <li key={skip.id}>
                <Link to={`/applications/${skip.id}`}>{names.get(skip.id) ?? skip.id}</Link>:{' '}
                {skipReason(skip.reason, t)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function BulkBar({
  programmeId,
  selected,
  onDone,
}: {
  programmeId: string;
  selected: string[];
  onDone(action: BulkAction, result: BulkResult): void;
}) {
  const { t } = useTranslation();
  // No action is chosen until the person chooses one: nothing is decided by a default.
  const [action, setAction] = useState<BulkAction | ''>('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const run = useAction();
  const count = selected.length;

  async function review() {
    const errors = [];
    if (!action) errors.push({ field: 'action', message: t('intake.coordinator.chooseAction') });
    if (action && action !== 'approve' && !reason.trim())
      errors.push({ field: 'reason', message: t(`intake.decision.reasonRequired.${action}`) });
    if (errors.length > 0) throw problemBeforeSending(t('common.errors.validation'), errors);
    setConfirming(true);
  }

  function send() {
    if (!action) return;
    setConfirming(false);
    void run.run(async () => {
      const outcome = await api.post(
        `/api/programmes/${programmeId}/applications/bulk`,
        { ids: selected, action, reason: action === 'approve' ? undefined : reason.trim() },
        bulkActionResultSchema,
      );
      setReason('');
      setAction('');
      onDone(action, outcome);
    });
  }

  return (
    <>
      <Form action={run} onSubmit={review} idPrefix="bulk" className="bulk-bar">
        <p className="bulk-count">{t('intake.coordinator.selected', { count })}</p>
        <SelectField
          name="action"
          label={t('intake.coordinator.action')}
          value={action}
          placeholder={t('intake.coordinator.noAction')}
          options={bulkActions.map((a) => ({ value: a, label: t(`intake.coordinator.actions.${a}`) }))}
          onChange={setAction}
        />
        {action && action !== 'approve' && (
          <TextAreaField
            name="reason"
            label={t(`intake.decision.reasonLabels.${action}`)}
            hint={t(`intake.coordinator.reasonHints.${action}`)}
            rows={2}
            maxLength={IntakeLimits.textMax}
            value={reason}
            onChange={setReason}
          />
        )}
        <div className="form-actions">
          {count > 0 ? (
            <SubmitButton action={run}>{t('intake.coordinator.continue')}</SubmitButton>
          ) : (
            <span className="hint">{t('intake.coordinator.selectFirst')}</span>
          )}
        </div>
      </Form>
      {action && (
        <ConfirmDialog
          open={confirming}
          title={t(`intake.coordinator.confirm.${action}.title`, { count })}
          confirmLabel={t(`intake.coordinator.confirm.${action}.button`, { count })}
          danger={action === 'reject'}
          onConfirm={send}
          onCancel={() => setConfirming(false)}
        >
          <p>{t(`intake.coordinator.confirm.${action}.body`, { count })}</p>
          {action !== 'approve' && reason.trim() && (
            <p>
              {t(`intake.decision.reasonShort.${action}`)}: {reason.trim()}
            </p>
          )}
          <p>{t('intake.coordinator.confirm.skipped')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

function ApplicationsTable({
  applications,
  selected,
  onSelect,
}: {
  applications: Application[];
  selected: string[];
  onSelect(ids: string[]): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const viewer = useViewer();
  if (applications.length === 0) return <p>{t('intake.coordinator.empty')}</p>;
  const allSelected = applications.every((a) => selected.includes(a.id));
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('intake.coordinator.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                id="select-all"
                checked={allSelected}
                onChange={(e) => onSelect(e.target.checked ? applications.map((a) => a.id) : [])}
              />
              <label htmlFor="select-all" className="visually-hidden">
                {t('intake.coordinator.selectAll')}
              </label>
            </th>
            <th scope="col">{t('intake.fields.applicant')}</th>
            <th scope="col">{t('intake.fields.organisation')}</th>
            <th scope="col">{t('intake.fields.role')}</th>
            <th scope="col">{t('intake.fields.status')}</th>
            <th scope="col">{t('intake.fields.eligibility')}</th>
            <th scope="col">{t('intake.fields.approvals')}</th>
            <th scope="col">{t('intake.fields.submitted')}</th>
          </tr>
        </thead>
        <tbody>
          {applications.map((application) => {
            const checkboxId = `select-${application.id}`;
            // Steps superseded when the application moved to another organisation no longer count.
            const steps = application.approvals.filter((a) => a.status !== 'superseded');
            const approved = steps.filter((a) => a.status === 'approved').length;
            return (
              <tr key={application.id}>
                <td>
                  <input
                    type="checkbox"
                    id={checkboxId}
                    checked={selected.includes(application.id)}
                    onChange={(e) =>
                      onSelect(
                        e.target.checked
                          ? [...selected, application.id]
                          : selected.filter((s) => s !== application.id),
                      )
                    }
                  />
                  <label htmlFor={checkboxId} className="visually-hidden">
                    {t('intake.coordinator.select', { name: application.applicant.name })}
                  </label>
                </td>
                <th scope="row">
                  <Link to={`/applications/${application.id}`}>{application.applicant.name}</Link>
                  <div className="hint">{application.basics.title}</div>
                  {application.applicant.id === viewer.session.person.id && (
                    <div className="hint">{t('intake.coordinator.ownApplication')}</div>
                  )}
                </th>
                <td>{application.organisation.name}</td>
                <td>{t(`common.roles.${application.role}`)}</td>
                <td>
                  <StatusBadge status={application.status} />
                </td>
                <td>
                  {application.eligibility.checks.length > 0 ? (
                    <details className="eligibility-details">
                      <summary className="eligibility-summary">
                        <EligibilityBadge eligibility={application.eligibility} />
                        <span className="visually-hidden"> {t('intake.coordinator.showReasons')}</span>
                      </summary>
                      <ul>
                        {application.eligibility.checks.map((check) => (
                          <li key={check.rule}>
                            {check.met === null ? '?' : check.met ? '✓' : '✗'} {check.text}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : (
                    <EligibilityBadge eligibility={application.eligibility} />
                  )}
                  {application.exceptionReason && (
                    <span className="flag" title={application.exceptionReason}>
                      {t('intake.coordinator.exception')}
                    </span>
                  )}
                </td>
                <td>
                  {steps.length === 0
                    ? '–'
                    : t('intake.coordinator.approvalsDone', {
                        done: approved,
                        total: steps.length,
                      })}
                </td>
                <td className="nowrap">{formatDate(application.submittedAt, locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
