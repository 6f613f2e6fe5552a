import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Application,
  type Approval,
  type ApprovalRequest,
  IntakeLimits,
} from '../../../shared/intake.ts';
import { Form, TextAreaField } from '../../components/Form.tsx';
import { formatDate, localized } from '../../format.ts';
import { useAction, useLocale } from '../../hooks.ts';
import { ApplicationDetails, EligibilityChecks } from './ApplicationParts.tsx';

type Decision = 'approve' | 'decline';

/** Approve or decline, with an optional comment; the comment is required by no one but shown to all. */
export function DecisionForm({
  idPrefix,
  onDecide,
}: {
  idPrefix: string;
  onDecide(decision: Decision, comment: string | undefined): Promise<unknown>;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const [comment, setComment] = useState('');
  // Which button submitted the form; set in its click handler, which runs before the submit.
  const decision = useRef<Decision>('approve');
  return (
    <Form
      action={action}
      idPrefix={idPrefix}
      onSubmit={() => onDecide(decision.current, comment.trim() || undefined)}
      className="form"
    >
      <TextAreaField
        name="comment"
        label={t('intake.decide.comment')}
        hint={t('intake.decide.commentHint')}
        rows={2}
        maxLength={IntakeLimits.textMax}
        value={comment}
        onChange={setComment}
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={action.pending}
          onClick={() => {
            decision.current = 'approve';
          }}
        >
          {t('intake.decide.approve')}
        </button>
        <button
          type="submit"
          className="button button-danger"
          disabled={action.pending}
          onClick={() => {
            decision.current = 'decline';
          }}
        >
          {t('intake.decide.decline')}
        </button>
        {action.pending && <span role="status">{t('common.working')}</span>}
      </div>
    </Form>
  );
}

/** What an approver is asked about: who applies, to what, and what they wrote (private answers left out). */
export function ApprovalSummary({
  approval,
  application,
  labels,
}: {
  approval: Approval;
  application: Application;
  labels: ApprovalRequest['labels'];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <p>
        {t('intake.decide.asked', {
          step: localized(approval.label, locale),
          name: application.applicant.name,
          role: t(`common.roles.${application.role}`).toLowerCase(),
          programme: application.programmeName,
        })}
      </p>
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
        <ApplicationDetails application={application} settings={labels} />
        <p className="hint">{t('intake.decide.privateLeftOut')}</p>
      </details>
    </>
  );
}
