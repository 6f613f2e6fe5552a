import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { approvalText, approverIn, capitalize, stepSentence } from '../../../shared/approval-texts.ts';
import type {
  Application,
  Approval,
  Eligibility,
  MentorProfile,
  NeedsProfile,
  ProfileBasics,
} from '../../../shared/intake.ts';
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

/** Whom a step shows by name: who decided it, else the account it was sent to, else the name typed. */
export function stepPerson(approval: Approval): string | null {
  if (approval.decidedBy && (approval.status === 'approved' || approval.status === 'declined'))
    return approval.decidedBy.name;
  return approval.approverAccount?.name ?? approval.approverName;
}

/** The step's whole sentence: "Godkänd av kommunens ansvariga chef (Maria Chef) den 24 november 2026 kl. 14:05." */
export function stepText(approval: Approval, locale: ReturnType<typeof useLocale>): string {
  return stepSentence(
    {
      approverName: approval.step.approverName,
      status: approval.status,
      person: stepPerson(approval),
      requestedAt: approval.requestedAt,
      decidedAt: approval.decidedAt,
    },
    locale,
  );
}

/**
 * The approval steps in order: who approves, where the step stands (who, when), what it is about,
 * and what the approver said. `showAddresses` adds where each request was sent (for those who
 * handle the application).
 */
export function ApprovalTrail({
  approvals,
  showAddresses = false,
}: {
  approvals: Approval[];
  showAddresses?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (approvals.length === 0) return <p>{t('intake.approvals.noneRequired')}</p>;
  return (
    <ol className="trail">
      {approvals.map((approval) => {
        const typed = approval.approverName;
        const account = approval.approverAccount?.name;
        return (
          <li key={approval.id} className={`trail-${approval.status}`}>
            <strong>{capitalize(approverIn(approval.step.approverName, locale))}</strong>{' '}
            <span
              className={`badge badge-${approval.status === 'superseded' ? 'cancelled' : approval.status}`}
            >
              {t(`intake.approvals.statuses.${approval.status}`)}
            </span>
            {approval.step.description && (
              <div className="hint">{localized(approval.step.description, locale)}</div>
            )}
            <p className="trail-line">{stepText(approval, locale)}</p>
            {account && typed && account !== typed && (
              <div className="hint">{approvalText(locale, 'typedName', { typed })}</div>
            )}
            {showAddresses && approval.approverEmail && approval.requestedAt && (
              <div className="hint">{t('intake.approvals.sentTo', { email: approval.approverEmail })}</div>
            )}
            {approval.comment && (
              <blockquote className="comment">
                {approval.status === 'declined'
                  ? t('intake.approvals.reason')
                  : t('intake.approvals.comment')}
                : {approval.comment}
              </blockquote>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Who decided on the application and when, in one sentence; for a step that was not approved,
 * the step's own sentence. Null while nobody has decided.
 */
export function decisionText(application: Application, t: TFunction, locale: ReturnType<typeof useLocale>) {
  if (application.status === 'declined') {
    const declined = application.approvals.find((a) => a.status === 'declined');
    return declined ? stepText(declined, locale) : null;
  }
  if (application.status === 'withdrawn')
    return t('intake.decision.withdrawn', { date: formatDateTime(application.updatedAt, locale) });
  if (!['approved', 'rejected', 'completion_requested'].includes(application.status)) return null;
  if (!application.decidedAt) return null;
  const date = formatDateTime(application.decidedAt, locale);
  return application.decidedBy
    ? t(`intake.decision.${application.status}`, { name: application.decidedBy.name, date })
    : t(`intake.decision.${application.status}Unnamed`, { date });
}

function list(items: readonly string[]): string {
  return items.length > 0 ? items.join(', ') : '–';
}

/** What a reader of a sent application sees of it; an approver's view has no gender and no wishes. */
interface ApplicationContent {
  basics: Omit<ProfileBasics, 'gender'> & Partial<Pick<ProfileBasics, 'gender'>>;
  needs: (Pick<NeedsProfile, 'developmentAreas' | 'goals'> & Partial<Pick<NeedsProfile, 'wishes'>>) | null;
  mentor: MentorProfile | null;
  answers: Application['answers'];
}

interface DetailsProps {
  application: ApplicationContent;
  /** The programme's settings, for labels of areas and questions; without them keys are shown. */
  settings?: Pick<ProgrammeSettings, 'developmentAreas' | 'applicationQuestions'> | undefined;
  /** The applicant reads the form's own questions ("Dina mål"); others read about the applicant ("Sökandens mål"). */
  reader: 'applicant' | 'about';
}

/** What the applicant wrote: the built-in fields, the profile for their role and their answers. */
export function ApplicationDetails({ application, settings, reader }: DetailsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { basics, needs, mentor } = application;
  // The applicant's own words are the form's; about the applicant, the labels say whose they are.
  const label = (form: string, about: string) =>
    reader === 'applicant' ? t(form) : t(`intake.about.${about}`);
  const areaLabel = (key: string) => {
    const area = settings?.developmentAreas.find((a) => a.key === key);
    return area ? localized(area.label, locale) : key;
  };
  const levels = (keys: readonly string[]) => keys.map((k) => t(`intake.levels.${k}`));
  return (
    <>
      <h3>{label('intake.apply.basicsLegend', 'basicsLegend')}</h3>
      <dl className="facts">
        <dt>{t('intake.basics.title')}</dt>
        <dd>{basics.title}</dd>
        <dt>{t('intake.basics.managementLevel')}</dt>
        <dd>{t(`intake.levels.${basics.managementLevel}`)}</dd>
        <dt>{label('intake.basics.staffCount', 'staffCount')}</dt>
        <dd>{basics.staffCount}</dd>
        <dt>{t('intake.basics.managingStaffSince')}</dt>
        <dd>{basics.managingStaffSince ? formatDate(basics.managingStaffSince, locale) : '–'}</dd>
        <dt>{t('intake.basics.sector')}</dt>
        <dd>{basics.sector || '–'}</dd>
        <dt>{label('intake.basics.languages', 'languages')}</dt>
        <dd>{list(basics.languages)}</dd>
        <dt>{label('intake.basics.meetingPlaces', 'meetingPlaces')}</dt>
        <dd>{list(basics.meetingPlaces)}</dd>
        <dt>{t('intake.basics.maxTravelMinutes')}</dt>
        <dd>{basics.maxTravelMinutes ?? '–'}</dd>
        {basics.gender && (
          <>
            <dt>{t('intake.basics.gender')}</dt>
            <dd>{t(`intake.genders.${basics.gender}`)}</dd>
          </>
        )}
      </dl>
      {needs && (
        <>
          <h3>{label('intake.apply.needsLegend', 'needsLegend')}</h3>
          <dl className="facts">
            <dt>{label('intake.needs.developmentAreas', 'developmentAreas')}</dt>
            <dd>{list(needs.developmentAreas.map(areaLabel))}</dd>
            <dt>{label('intake.needs.goals', 'goals')}</dt>
            <dd className="notice-text">{needs.goals}</dd>
            {needs.wishes && (
              <>
                <dt>{t('intake.needs.wishSector')}</dt>
                <dd>{needs.wishes.sector || t('intake.noWish')}</dd>
                <dt>{t('intake.needs.wishLevel')}</dt>
                <dd>{needs.wishes.level ? t(`intake.levels.${needs.wishes.level}`) : t('intake.noWish')}</dd>
                <dt>{t('intake.needs.wishGender')}</dt>
                <dd>{t(`intake.wishGenders.${needs.wishes.gender}`)}</dd>
                <dt>{label('intake.needs.wishOtherOrganisation', 'wishOtherOrganisation')}</dt>
                <dd>{needs.wishes.otherOrganisation ? t('intake.yes') : t('intake.no')}</dd>
                <dt>{t('intake.needs.wishOther')}</dt>
                <dd className="notice-text">{needs.wishes.other || '–'}</dd>
              </>
            )}
          </dl>
        </>
      )}
      {mentor && (
        <>
          <h3>{label('intake.apply.mentorLegend', 'mentorLegend')}</h3>
          <dl className="facts">
            <dt>{label('intake.mentor.competences', 'competences')}</dt>
            <dd>{list(mentor.competences.map(areaLabel))}</dd>
            <dt>{label('intake.mentor.experienceLevels', 'experienceLevels')}</dt>
            <dd>{list(levels(mentor.experienceLevels))}</dd>
            <dt>{label('intake.mentor.sectors', 'sectors')}</dt>
            <dd>{list(mentor.sectors)}</dd>
            <dt>{label('intake.mentor.capacity', 'capacity')}</dt>
            <dd>{mentor.capacity}</dd>
            <dt>{label('intake.mentor.meetingPreferences', 'meetingPreferences')}</dt>
            <dd className="notice-text">{mentor.meetingPreferences || '–'}</dd>
            <dt>{label('intake.mentor.presentation', 'presentation')}</dt>
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
  application: Pick<Application, 'answers'>;
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
