import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import {
  type Application,
  applicationSchema,
  privacyNoticeSchema,
  profileSchema,
} from '../../../shared/intake.ts';
import { type Programme, programmeSchema } from '../../../shared/programme.ts';
import { api, roundListSchema } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loaded, Page } from '../../components/Page.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useAction, useApiData, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';
import { ApplicationDecision } from './ApplicationDecision.tsx';
import {
  ApplicationDetails,
  ApprovalTrail,
  decisionText,
  EligibilityChecks,
  StatusBadge,
} from './ApplicationParts.tsx';
import { ApplyForm } from './ApplyForm.tsx';

const finalStatuses: readonly Application['status'][] = ['withdrawn', 'rejected', 'approved', 'declined'];

export function ApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const application = useApiData(`/api/applications/${id}`, applicationSchema);
  const programmeId = application.data?.programmeId ?? null;
  const programme = useApiData(programmeId && `/api/programmes/${programmeId}`, programmeSchema);
  return (
    <Page
      title={
        application.data
          ? t('intake.detail.title', { programme: application.data.programmeName })
          : t('intake.detail.titleShort')
      }
    >
      <Loaded state={application}>
        {(data) => (
          <ApplicationView application={data} programme={programme.data} onChange={application.setData} />
        )}
      </Loaded>
    </Page>
  );
}

function ApplicationView({
  application,
  programme,
  onChange,
}: {
  application: Application;
  programme: Programme | undefined;
  onChange(application: Application): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const viewer = useViewer();
  const location = useLocation();
  const withdraw = useAction();
  const [completing, setCompleting] = useState(false);
  const [resubmitted, setResubmitted] = useState(false);
  const [confirmingWithdraw, setConfirmingWithdraw] = useState(false);
  const [decided, setDecided] = useState(false);
  const isApplicant = application.applicant.id === viewer.session.person.id;
  const mayManage = viewer.isAdmin || viewer.isCoordinator;
  // Those who handle applications decide on others' (the server has the last word: never your own).
  const mayDecide = mayManage && !isApplicant;
  const submitted = (location.state as { submitted?: boolean } | null)?.submitted === true;
  const decision = decisionText(application, t, locale);

  function withdrawApplication() {
    setConfirmingWithdraw(false);
    void withdraw.run(async () => {
      onChange(await api.post(`/api/applications/${application.id}/withdraw`, {}, applicationSchema));
    });
  }

  return (
    <>
      <p>
        {isApplicant && <Link to="/applications">{t('intake.detail.backToMine')}</Link>}
        {!isApplicant && mayManage && (
          <Link to={`/programmes/${application.programmeId}/intake`}>{t('intake.detail.backToIntake')}</Link>
        )}
      </p>
      <div role="status">
        {submitted && !resubmitted && <p className="notice notice-success">{t('intake.detail.submitted')}</p>}
        {resubmitted && <p className="notice notice-success">{t('intake.detail.resubmitted')}</p>}
        {decided && decision && <p className="notice notice-success">{decision}</p>}
      </div>
      <section className="card" aria-labelledby="application-facts">
        <h2 id="application-facts">{t('intake.detail.facts')}</h2>
        <dl className="facts">
          <dt>{t('intake.fields.programme')}</dt>
          <dd>
            <Link to={`/programmes/${application.programmeId}`}>{application.programmeName}</Link>
          </dd>
          <dt>{t('intake.fields.role')}</dt>
          <dd>{t(`common.roles.${application.role}`)}</dd>
          {!isApplicant && (
            <>
              <dt>{t('intake.fields.applicant')}</dt>
              <dd>
                {application.applicant.name} ({application.applicant.email})
              </dd>
            </>
          )}
          <dt>{t('intake.fields.organisation')}</dt>
          <dd>{application.organisation.name}</dd>
          <dt>{t('intake.fields.status')}</dt>
          <dd>
            <StatusBadge status={application.status} />
            {decision && <div className="decision-line">{decision}</div>}
          </dd>
          <dt>{t('intake.fields.submitted')}</dt>
          <dd>{formatDateTime(application.submittedAt, locale)}</dd>
          <dt>{t('intake.fields.updated')}</dt>
          <dd>{formatDateTime(application.updatedAt, locale)}</dd>
          <dt>{t('intake.fields.notice')}</dt>
          <dd>
            {t('intake.detail.noticeAcknowledged', {
              version: application.notice.version,
              date: formatDate(application.notice.acknowledgedAt, locale),
            })}
          </dd>
        </dl>
        {application.decisionReason &&
          ['completion_requested', 'rejected', 'approved', 'declined'].includes(application.status) && (
            <div
              className={
                application.status === 'rejected' || application.status === 'declined'
                  ? 'notice notice-error'
                  : 'notice'
              }
            >
              <p>
                <strong>
                  {application.status === 'completion_requested'
                    ? t('intake.detail.completionRequest')
                    : application.status === 'approved'
                      ? t('intake.detail.decisionComment')
                      : t('intake.detail.decisionReason')}
                </strong>{' '}
                {application.decisionReason}
              </p>
            </div>
          )}
        {withdraw.problem && <ProblemMessage problem={withdraw.problem} />}
        <div className="form-actions">
          {isApplicant && application.status === 'completion_requested' && !completing && (
            <button type="button" className="button button-primary" onClick={() => setCompleting(true)}>
              {t('intake.detail.complete')}
            </button>
          )}
          {isApplicant && !finalStatuses.includes(application.status) && (
            <button
              type="button"
              className="button button-danger"
              disabled={withdraw.pending}
              onClick={() => setConfirmingWithdraw(true)}
            >
              {t('intake.detail.withdraw')}
            </button>
          )}
        </div>
        <ConfirmDialog
          open={confirmingWithdraw}
          title={t('intake.detail.confirmWithdrawTitle')}
          confirmLabel={t('intake.detail.confirmWithdrawButton')}
          danger
          onConfirm={withdrawApplication}
          onCancel={() => setConfirmingWithdraw(false)}
        >
          <p>{t('intake.detail.confirmWithdraw')}</p>
        </ConfirmDialog>
      </section>

      {mayDecide && (
        <ApplicationDecision
          application={application}
          onDecided={(updated, decidedNow) => {
            onChange(updated);
            setDecided(decidedNow);
          }}
        />
      )}

      {completing && programme && (
        <section aria-labelledby="complete-heading">
          <h2 id="complete-heading">{t('intake.detail.completeTitle')}</h2>
          <Resubmit
            application={application}
            programme={programme}
            onDone={(updated) => {
              onChange(updated);
              setCompleting(false);
              setResubmitted(true);
            }}
          />
          <button type="button" className="button" onClick={() => setCompleting(false)}>
            {t('common.cancel')}
          </button>
        </section>
      )}

      <section className="card" aria-labelledby="eligibility-section">
        <h2 id="eligibility-section">{t('intake.eligibility.title')}</h2>
        <p>
          {application.eligibility.eligible
            ? t(isApplicant ? 'intake.eligibility.eligible' : 'intake.eligibility.eligibleAbout')
            : t('intake.eligibility.notEligible')}
        </p>
        <EligibilityChecks eligibility={application.eligibility} />
        {application.exceptionReason && (
          <div className="notice">
            <p>
              <strong>{t('intake.detail.exceptionReason')}</strong> {application.exceptionReason}
            </p>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="approvals-section">
        <h2 id="approvals-section">{t('intake.approvals.trail')}</h2>
        <ApprovalTrail approvals={application.approvals} showAddresses={!isApplicant} />
      </section>

      <section className="card" aria-labelledby="answers-section">
        <h2 id="answers-section">{t('intake.detail.answers')}</h2>
        <ApplicationDetails
          application={application}
          settings={programme?.settings}
          reader={isApplicant ? 'applicant' : 'about'}
        />
      </section>
    </>
  );
}

function Resubmit({
  application,
  programme,
  onDone,
}: {
  application: Application;
  programme: Programme;
  onDone(application: Application): void;
}) {
  const notice = useApiData(`/api/programmes/${programme.id}/privacy-notice`, privacyNoticeSchema);
  const rounds = useApiData(`/api/programmes/${programme.id}/rounds`, roundListSchema);
  const profile = useApiData('/api/me/profile', profileSchema);
  return (
    <Loaded state={notice}>
      {(n) => (
        <Loaded state={rounds}>
          {(r) => (
            <ApplyForm
              programme={programme}
              role={application.role}
              notice={n}
              rounds={r}
              profile={profile.data ?? null}
              existing={application}
              onDone={onDone}
            />
          )}
        </Loaded>
      )}
    </Loaded>
  );
}
