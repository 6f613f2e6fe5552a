import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { approvalText, approverIn, capitalize } from '../../../shared/approval-texts.ts';
import { approvalSchema, type DecidedApproval, decidedApprovalSchema } from '../../../shared/intake.ts';
import { api, approvalRequestListSchema } from '../../api.ts';
import { Loaded, Page } from '../../components/Page.tsx';
import { ScrollableTable } from '../../components/ScrollableTable.tsx';
import { formatDateTime } from '../../format.ts';
import { useApiData, useLocale } from '../../hooks.ts';
import { ApprovalSummary, DecisionForm } from './DecisionForm.tsx';

const decidedListSchema = z.array(decidedApprovalSchema);

/** Applications waiting for the signed-in person's approval, and the ones they have answered. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const requests = useApiData('/api/me/approvals', approvalRequestListSchema);
  const history = useApiData('/api/me/approvals/decided', decidedListSchema);
  const [done, setDone] = useState<string[]>([]);
  return (
    <Page title={t('intake.approvalsPage.title')}>
      <p>{t('intake.approvalsPage.intro')}</p>
      <div role="status">
        {done.length > 0 && (
          <div className="notice notice-success">
            <ul>
              {done.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <section aria-labelledby="approvals-waiting">
        <h2 id="approvals-waiting">{t('intake.approvalsPage.waiting')}</h2>
        <Loaded state={requests}>
          {(list) =>
            list.length === 0 ? (
              <p>{t('intake.approvalsPage.empty')}</p>
            ) : (
              <ul className="plain-list">
                {list.map(({ approval, application, labels }) => (
                  <li key={approval.id} className="card">
                    <h3>
                      {application.applicant.name} – {application.programmeName}
                    </h3>
                    <ApprovalSummary approval={approval} application={application} labels={labels} />
                    <DecisionForm
                      idPrefix={`decide-${approval.id}`}
                      applicantName={application.applicant.name}
                      approverName={approval.step.approverName}
                      onDecide={async (decision, comment) => {
                        const decided = await api.post(
                          `/api/approvals/${approval.id}/decide`,
                          { decision, comment },
                          approvalSchema,
                        );
                        setDone((current) => [
                          ...current,
                          approvalText(
                            locale,
                            decided.status === 'approved' ? 'youApproved' : 'youDeclined',
                            {
                              applicant: application.applicant.name,
                              approver: approverIn(decided.step.approverName, locale),
                            },
                          ),
                        ]);
                        requests.setData(list.filter((r) => r.approval.id !== approval.id));
                        history.reload();
                      }}
                    />
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      <section aria-labelledby="approvals-history">
        <h2 id="approvals-history">{t('intake.approvalsPage.history')}</h2>
        <Loaded state={history}>{(list) => <History list={list} />}</Loaded>
      </section>
    </Page>
  );
}

/** What the person has answered: whose application, as whom, the answer, when, and what they wrote. */
function History({ list }: { list: DecidedApproval[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (list.length === 0) return <p>{t('intake.approvalsPage.historyEmpty')}</p>;
  return (
    <ScrollableTable
      caption={<span className="visually-hidden">{t('intake.approvalsPage.history')}</span>}
      className="stack-table history-table"
    >
      <thead>
        <tr>
          <th scope="col">{t('intake.fields.applicant')}</th>
          <th scope="col">{t('intake.approvalsPage.as')}</th>
          <th scope="col">{t('intake.approvalsPage.answer')}</th>
          <th scope="col">{t('intake.approvalsPage.when')}</th>
          <th scope="col">{t('intake.approvalsPage.comment')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map(({ approval, application }) => (
          <tr key={approval.id}>
            <th scope="row">
              {application.applicantName}
              <div className="hint">
                {t('intake.approvalsPage.applied', {
                  role: t(`common.roles.${application.role}`).toLowerCase(),
                  programme: application.programmeName,
                })}
              </div>
              <div className="hint">{application.organisationName}</div>
            </th>
            <td data-label={t('intake.approvalsPage.as')}>
              {capitalize(approverIn(approval.step.approverName, locale))}
            </td>
            <td data-label={t('intake.approvalsPage.answer')}>
              <span className={`badge badge-${approval.status}`}>
                {t(`intake.approvals.statuses.${approval.status}`)}
              </span>
            </td>
            <td data-label={t('intake.approvalsPage.when')}>
              {approval.decidedAt ? formatDateTime(approval.decidedAt, locale) : '–'}
            </td>
            <td data-label={t('intake.approvalsPage.comment')} className="notice-text">
              {approval.comment || '–'}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
