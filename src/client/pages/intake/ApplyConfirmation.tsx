import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Application } from '../../../shared/intake.ts';
import type { Programme, Round } from '../../../shared/programme.ts';
import { formatDate } from '../../format.ts';
import { useLocale } from '../../hooks.ts';
import type { Draft } from './applySteps.ts';

interface ApplyConfirmationProps {
  application: Application;
  programme: Programme;
  rounds: Round[];
  /** What was sent: the manager's name as the applicant wrote it. */
  draft: Draft;
}

/**
 * After sending: that it went, and what happens next and when: who approves (the manager is mailed
 * now, then HR), when the programme reminds them, when the coordinator reviews, when matching
 * happens, and where to follow the application.
 */
export function ApplyConfirmation({ application, programme, rounds, draft }: ApplyConfirmationProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const settings = programme.settings;
  const role = application.role;
  const steps = settings.approvalSteps.filter((step) => step.appliesTo.includes(role));
  const round = rounds.find((r) => r.id === application.roundId);
  const values = {
    manager: draft.manager.name,
    email: draft.manager.email,
    organisation: application.organisation.name,
  };
  const matching =
    settings.intake.mode === 'cohort'
      ? round
        ? t('intake.apply.done.matchingCohort', { date: formatDate(round.startsOn, locale) })
        : t('intake.apply.done.matchingCohortNoDate')
      : t(`intake.apply.done.matching.${settings.intake.mode}.${role}`);

  return (
    <>
      <div className="confirmation-panel">
        <p>{t(`intake.apply.done.sentAs.${role}`, { programme: programme.name })}</p>
        <p>{t('intake.apply.done.receipt', { email: application.applicant.email })}</p>
      </div>
      <section aria-labelledby="next-heading">
        <h2 id="next-heading">{t('intake.apply.done.nextTitle')}</h2>
        <ol className="next-steps">
          {steps.map((step, index) => (
            <li key={step.key}>
              {t(`intake.apply.done.${index === 0 ? 'first' : 'then'}.${step.approver}`, values)}
            </li>
          ))}
          {steps.length > 0 && (
            <li>{t('intake.apply.done.reminder', { count: settings.intake.approvalReminderDays })}</li>
          )}
          <li>{t(steps.length > 0 ? 'intake.apply.done.review' : 'intake.apply.done.reviewNow')}</li>
          <li>{matching}</li>
        </ol>
        <p>{t('intake.apply.done.follow')}</p>
        <p className="form-actions">
          <Link to={`/applications/${application.id}`} className="button button-primary">
            {t('intake.apply.done.open')}
          </Link>
          <Link to="/">{t('intake.apply.done.home')}</Link>
        </p>
      </section>
    </>
  );
}
