import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approvalSchema } from '../../../shared/intake.ts';
import { api, approvalRequestListSchema } from '../../api.ts';
import { Loaded, Page } from '../../components/Page.tsx';
import { localized } from '../../format.ts';
import { useApiData, useLocale } from '../../hooks.ts';
import { ApprovalSummary, DecisionForm } from './DecisionForm.tsx';

/** Applications waiting for the signed-in person's approval. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const requests = useApiData('/api/me/approvals', approvalRequestListSchema);
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
      <Loaded state={requests}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('intake.approvalsPage.empty')}</p>
          ) : (
            <ul className="plain-list">
              {list.map(({ approval, application, labels }) => (
                <li key={approval.id} className="card">
                  <h2>
                    {application.applicant.name} – {application.programmeName}
                  </h2>
                  <ApprovalSummary approval={approval} application={application} labels={labels} />
                  <DecisionForm
                    idPrefix={`decide-${approval.id}`}
                    onDecide={async (decision, comment) => {
                      const decided = await api.post(
                        `/api/approvals/${approval.id}/decide`,
                        { decision, comment },
                        approvalSchema,
                      );
                      setDone((current) => [
                        ...current,
                        t(`intake.decide.done.${decided.status === 'approved' ? 'approved' : 'declined'}`, {
                          name: application.applicant.name,
                          step: localized(decided.label, locale),
                        }),
                      ]);
                      requests.setData(list.filter((r) => r.approval.id !== approval.id));
                    }}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Page>
  );
}
