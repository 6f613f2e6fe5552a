import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApproverName, approvalText, approverIn } from '../../../shared/approval-texts.ts';
import {
  type Approval,
  type ApprovalRequest,
  type ApproverApplication,
  IntakeLimits,
} from '../../../shared/intake.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import {
  Form,
  problemBeforeSending,
  RadioGroup,
  SubmitButton,
  TextAreaField,
} from '../../components/Form.tsx';
import { formatDate, localized } from '../../format.ts';
import { useAction, useLocale } from '../../hooks.ts';
import { ApplicationDetails, EligibilityChecks } from './ApplicationParts.tsx';

type Decision = 'approve' | 'decline';

/**
 * The approver's answer: approve or not, a reason when not (required, here and on the server), and
 * a confirmation that says what follows, since an answer cannot be changed afterwards.
 */
export function DecisionForm({
  idPrefix,
  applicantName,
  approverName,
  onDecide,
}: {
  idPrefix: string;
  applicantName: string;
  approverName: ApproverName;
  onDecide(decision: Decision, comment: string | undefined): Promise<unknown>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action = useAction();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [comment, setComment] = useState('');
  const [confirming, setConfirming] = useState(false);

  async function review() {
    const errors = [];
    if (!decision) errors.push({ field: 'decision', message: t('intake.decide.chooseDecision') });
    if (decision === 'decline' && !comment.trim())
      errors.push({ field: 'comment', message: t('intake.decide.reasonRequired') });
    if (errors.length > 0) throw problemBeforeSending(t('common.errors.validation'), errors);
    setConfirming(true);
  }

  function send() {
    if (!decision) return;
    // The dialog closes first, so that a problem from the server is shown, and focused, in the form.
    setConfirming(false);
    void action.run(() => onDecide(decision, comment.trim() || undefined));
  }

  const declining = decision === 'decline';
  return (
    <>
      <Form action={action} idPrefix={idPrefix} onSubmit={review} className="form decision-form">
        <RadioGroup<Decision>
          name="decision"
          legend={t('intake.decide.legend')}
          options={[
            { value: 'approve', label: t('intake.decide.approve') },
            { value: 'decline', label: t('intake.decide.decline') },
          ]}
          value={decision}
          onChange={setDecision}
        />
        <TextAreaField
          name="comment"
          label={declining ? t('intake.decide.reason') : t('intake.decide.commentOptional')}
          hint={declining ? t('intake.decide.reasonHint') : t('intake.decide.commentHint')}
          rows={3}
          maxLength={IntakeLimits.textMax}
          value={comment}
          onChange={setComment}
        />
        <div className="form-actions">
          <SubmitButton action={action}>{t('intake.decide.continue')}</SubmitButton>
        </div>
      </Form>
      <ConfirmDialog
        open={confirming}
        title={
          declining
            ? t('intake.decide.confirm.declineTitle', { name: applicantName })
            : t('intake.decide.confirm.approveTitle', { name: applicantName })
        }
        confirmLabel={declining ? t('intake.decide.confirm.decline') : t('intake.decide.confirm.approve')}
        danger={declining}
        onConfirm={send}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {declining
            ? t('intake.decide.confirm.declineBody', { name: applicantName })
            : t('intake.decide.confirm.approveBody', {
                name: applicantName,
                approver: approverIn(approverName, locale),
              })}
        </p>
        {declining && (
          <p>
            {t('intake.decide.confirm.yourReason')} {comment.trim()}
          </p>
        )}
        <p>{t('intake.decide.confirm.final')}</p>
      </ConfirmDialog>
    </>
  );
}

/** What an approver is asked about: who applies, to what, and what they wrote (what is theirs to read). */
export function ApprovalSummary({
  approval,
  application,
  labels,
}: {
  approval: Approval;
  application: ApproverApplication;
  labels: ApprovalRequest['labels'];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <p>
        {approvalText(locale, 'askedAs', {
          approver: approverIn(approval.step.approverName, locale),
          applicant: application.applicant.name,
          role: t(`common.roles.${application.role}`).toLowerCase(),
          programme: application.programmeName,
        })}
      </p>
      {approval.step.description && (
        <p className="hint">
          {t('intake.decide.about')} {localized(approval.step.description, locale)}
        </p>
      )}
      <dl className="facts">
        <dt>{t('intake.fields.applicant')}</dt>
        <dd>
          {application.applicant.name} ({application.applicant.email})
        </dd>
        <dt>{t('intake.fields.organisation')}</dt>
        <dd>{application.organisation.name}</dd>
        <dt>{t('intake.fields.submitted')}</dt>
        <dd>{formatDate(application.submittedAt, locale)}</dd>
      </dl>
      <details className="application-more">
        <summary>{t('intake.decide.showApplication')}</summary>
        <h3>{t('intake.eligibility.title')}</h3>
        <EligibilityChecks eligibility={application.eligibility} />
        <ApplicationDetails application={application} settings={labels} reader="about" />
        <p className="hint">{t('intake.decide.privateLeftOut')}</p>
      </details>
    </>
  );
}
