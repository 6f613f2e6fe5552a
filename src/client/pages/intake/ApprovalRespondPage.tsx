import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type Approval, approvalRequestSchema, approvalSchema } from '../../../shared/intake.ts';
import { api, withQuery } from '../../api.ts';
import { Loaded, Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../format.ts';
import { useApiData, useLocale } from '../../hooks.ts';
import { ApprovalSummary, DecisionForm } from './DecisionForm.tsx';

/** The approver's page behind a mailed link; works without signing in. */
export function ApprovalRespondPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const request = useApiData(
    token ? withQuery('/api/approvals/by-token', { token }) : null,
    approvalRequestSchema,
  );
  const [decided, setDecided] = useState<Approval | null>(null);
  const gone = request.error?.status === 410 || request.error?.status === 404;

  return (
    <Page title={t('intake.respond.title')}>
      {!token && <p className="notice notice-error">{t('intake.respond.noToken')}</p>}
      {gone ? (
        <div className="notice notice-error" role="alert">
          <p>{t('intake.respond.gone')}</p>
        </div>
      ) : decided ? (
        <div className="notice notice-success" role="status">
          <p>
            {decided.status === 'approved' ? t('intake.respond.approved') : t('intake.respond.declined')}{' '}
            {decided.decidedAt && t('intake.respond.at', { date: formatDateTime(decided.decidedAt, locale) })}
          </p>
          {decided.comment && (
            <p>
              {decided.status === 'declined' ? t('intake.approvals.reason') : t('intake.approvals.comment')}:{' '}
              {decided.comment}
            </p>
          )}
          <p>{t('intake.respond.thanks')}</p>
        </div>
      ) : (
        token && (
          <Loaded state={request}>
            {({ approval, application, labels }) => (
              <section className="card" aria-labelledby="respond-application">
                <h2 id="respond-application">
                  {application.applicant.name} – {application.programmeName}
                </h2>
                <ApprovalSummary approval={approval} application={application} labels={labels} />
                <DecisionForm
                  idPrefix="respond"
                  applicantName={application.applicant.name}
                  approverName={approval.step.approverName}
                  onDecide={async (decision, comment) => {
                    try {
                      setDecided(
                        await api.post(
                          '/api/approvals/by-token/decide',
                          { token, decision, comment },
                          approvalSchema,
                        ),
                      );
                    } catch (error) {
                      // The link was used (or ran out) in the meantime: say so instead of a form error.
                      if (error instanceof Error && 'status' in error && error.status === 410)
                        request.reload();
                      throw error;
                    }
                  }}
                />
              </section>
            )}
          </Loaded>
        )
      )}
      <p className="hint">
        {t('intake.respond.signInHint')} <Link to="/approvals">{t('intake.respond.signInLink')}</Link>
      </p>
    </Page>
  );
}
