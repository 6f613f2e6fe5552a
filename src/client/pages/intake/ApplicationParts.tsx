import { useTranslation } from 'react-i18next';
import type { Application, Approval, Eligibility } from '../../../shared/intake.ts';
import type { ApplicationQuestion, ProgrammeSettings } from '../../../shared/programme.ts';
import { formatDate, formatDateTime, localized } from '../../format.ts';
import { useLocale } from '../../hooks.ts';

export function StatusBadge({ status }: { status: Application['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`intake.statuses.${status}`)}</span>;
}

function checkState(met: boolean | null): 'met' | 'unmet' | 'verify' {
  return met === null ? 'verify' : met ? 'met' : 'unmet';
}

const marks = { met: '✓', unmet: '✗', verify: '?' } as const;

/** Each eligibility rule with its reason: met (✓), not met (✗) or for the coordinator to verify (?). */
export function EligibilityChecks({ eligibility }: { eligibility: Eligibility }) {
  const { t } = useTranslation();
  if (eligibility.checks.length === 0) return <p>{t('intake.eligibility.noRules')}</p>;
  return (
    <ul className="check-list">
      {eligibility.checks.map((check) => {
        const state = checkState(check.met);
        return (
          <li key={check.rule} className={`check-${state}`}>
            <span className="check-mark" aria-hidden="true">
              {marks[state]}
            </span>
            <span>
              <span className="visually-hidden">{t(`intake.eligibility.states.${state}`)}: </span>
              <strong>{t(`intake.eligibility.rules.${check.rule}`)}</strong> – {check.text}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** A short badge for tables: eligible, not eligible, or eligible with something to verify. */
export function EligibilityBadge({ eligibility }: { eligibility: Eligibility }) {
  const { t } = useTranslation();
  const toVerify = eligibility.checks.some((c) => c.met === null);
  const state = !eligibility.eligible ? 'unmet' : toVerify ? 'verify' : 'met';
  return <span className={`badge badge-${state}`}>{t(`intake.eligibility.badges.${state}`)}</span>;
}

/** The approval steps in order: who, their status, when, and what they said. */
export function ApprovalTrail({ approvals }: { approvals: Approval[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (approvals.length === 0) return <p>{t('intake.approvals.noneRequired')}</p>;
  return (
    <ol className="trail">
      {approvals.map((approval) => (
        <li key={approval.id} className={`trail-${approval.status}`}>
          <strong>{localized(approval.label, locale)}</strong>{' '}
          <span className={`badge badge-${approval.status === 'superseded' ? 'cancelled' : approval.status}`}>
            {t(`intake.approvals.statuses.${approval.status}`)}
          </span>
          <div className="hint">
            {t(`intake.approvers.${approval.approver}`)}
            {approval.approverName &&
              ` – ${approval.approverName}${approval.approverEmail ? ` (${approval.approverEmail})` : ''}`}
          </div>
          {approval.decidedAt ? (
            <div>
              {approval.decidedBy
                ? t('intake.approvals.decidedBy', {
                    name: approval.decidedBy.name,
                    date: formatDateTime(approval.decidedAt, locale),
                  })
                : t('intake.approvals.decidedAt', { date: formatDateTime(approval.decidedAt, locale) })}
            </div>
          ) : (
            approval.requestedAt && (
              <div>
                {t('intake.approvals.requestedAt', { date: formatDateTime(approval.requestedAt, locale) })}
              </div>
            )
          )}
          {approval.comment && (
            <blockquote className="comment">
              {t('intake.approvals.comment')}: {approval.comment}
            </blockquote>
          )}
        </li>
      ))}
    </ol>
  );
}

function list(items: readonly string[]): string {
  return items.length > 0 ? items.join(', ') : '–';
}

interface DetailsProps {
  application: Application;
  /** The programme's settings, for labels of areas and questions; without them keys are shown. */
  settings?: Pick<ProgrammeSettings, 'developmentAreas' | 'applicationQuestions'> | undefined;
}

/** What the applicant wrote: the built-in fields, the profile for their role and their answers. */
export function ApplicationDetails({ application, settings }: DetailsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { basics, needs, mentor } = application;
  const areaLabel = (key: string) => {
    const area = settings?.developmentAreas.find((a) => a.key === key);
    return area ? localized(area.label, locale) : key;
  };
  const levels = (keys: readonly string[]) => keys.map((k) => t(`intake.levels.${k}`));
  return (
    <>
      <h3>{t('intake.apply.basicsLegend')}</h3>
      <dl className="facts">
        <dt>{t('intake.basics.title')}</dt>
        <dd>{basics.title}</dd>
        <dt>{t('intake.basics.managementLevel')}</dt>
        <dd>{t(`intake.levels.${basics.managementLevel}`)}</dd>
        <dt>{t('intake.basics.staffCount')}</dt>
        <dd>{basics.staffCount}</dd>
        <dt>{t('intake.basics.managingStaffSince')}</dt>
        <dd>{basics.managingStaffSince ? formatDate(basics.managingStaffSince, locale) : '–'}</dd>
        <dt>{t('intake.basics.sector')}</dt>
        <dd>{basics.sector || '–'}</dd>
        <dt>{t('intake.basics.languages')}</dt>
        <dd>{list(basics.languages)}</dd>
        <dt>{t('intake.basics.meetingPlaces')}</dt>
        <dd>{list(basics.meetingPlaces)}</dd>
        <dt>{t('intake.basics.maxTravelMinutes')}</dt>
        <dd>{basics.maxTravelMinutes ?? '–'}</dd>
        <dt>{t('intake.basics.gender')}</dt>
        <dd>{t(`intake.genders.${basics.gender}`)}</dd>
      </dl>
      {needs && (
        <>
          <h3>{t('intake.apply.needsLegend')}</h3>
          <dl className="facts">
            <dt>{t('intake.needs.developmentAreas')}</dt>
            <dd>{list(needs.developmentAreas.map(areaLabel))}</dd>
            <dt>{t('intake.needs.goals')}</dt>
            <dd className="notice-text">{needs.goals}</dd>
            <dt>{t('intake.needs.wishSector')}</dt>
            <dd>{needs.wishes.sector || t('intake.noWish')}</dd>
            <dt>{t('intake.needs.wishLevel')}</dt>
            <dd>{needs.wishes.level ? t(`intake.levels.${needs.wishes.level}`) : t('intake.noWish')}</dd>
            <dt>{t('intake.needs.wishGender')}</dt>
            <dd>{t(`intake.wishGenders.${needs.wishes.gender}`)}</dd>
            <dt>{t('intake.needs.wishOtherOrganisation')}</dt>
            <dd>{needs.wishes.otherOrganisation ? t('intake.yes') : t('intake.no')}</dd>
            <dt>{t('intake.needs.wishOther')}</dt>
            <dd className="notice-text">{needs.wishes.other || '–'}</dd>
          </dl>
        </>
      )}
      {mentor && (
        <>
          <h3>{t('intake.apply.mentorLegend')}</h3>
          <dl className="facts">
            <dt>{t('intake.mentor.competences')}</dt>
            <dd>{list(mentor.competences.map(areaLabel))}</dd>
            <dt>{t('intake.mentor.experienceLevels')}</dt>
            <dd>{list(levels(mentor.experienceLevels))}</dd>
            <dt>{t('intake.mentor.sectors')}</dt>
            <dd>{list(mentor.sectors)}</dd>
            <dt>{t('intake.mentor.capacity')}</dt>
            <dd>{mentor.capacity}</dd>
            <dt>{t('intake.mentor.meetingPreferences')}</dt>
            <dd className="notice-text">{mentor.meetingPreferences || '–'}</dd>
            <dt>{t('intake.mentor.presentation')}</dt>
            <dd className="notice-text">{mentor.presentation || '–'}</dd>
          </dl>
        </>
      )}
      <Answers application={application} questions={settings?.applicationQuestions} />
    </>
  );
}

function Answers({
  application,
  questions,
}: {
  application: Application;
  questions: ApplicationQuestion[] | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const keys = Object.keys(application.answers);
  if (keys.length === 0) return null;
  // The programme's order where it is known, then any answers to questions it no longer has.
  const ordered = [
    ...(questions ?? []).filter((q) => keys.includes(q.key)).map((q) => q.key),
    ...keys.filter((k) => !questions?.some((q) => q.key === k)),
  ];
  function show(key: string): string {
    const answer = application.answers[key];
    const question = questions?.find((q) => q.key === key);
    const optionLabel = (option: string) => {
      const found = question?.options.find((o) => o.key === option);
      return found ? localized(found.label, locale) : option;
    };
    if (Array.isArray(answer)) return list(answer.map(optionLabel));
    if (typeof answer === 'number') {
      return question?.scaleMax
        ? t('intake.questions.scaleAnswer', { value: answer, max: question.scaleMax })
        : String(answer);
    }
    if (answer === undefined || answer === '') return '–';
    return question?.type === 'choice' ? optionLabel(answer) : answer;
  }
  return (
    <>
      <h3>{t('intake.apply.questionsLegend')}</h3>
      <dl className="facts">
        {ordered.map((key) => {
          const question = questions?.find((q) => q.key === key);
          return (
            <div key={key} className="facts-pair">
              <dt>
                {question ? localized(question.label, locale) : key}
                {question?.private && (
                  <span className="private-mark"> ({t('intake.questions.privateShort')})</span>
                )}
              </dt>
              <dd className="notice-text">{show(key)}</dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}
