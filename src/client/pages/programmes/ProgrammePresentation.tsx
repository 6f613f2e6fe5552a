import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationWindow } from '../../../shared/applicationPeriod.ts';
import { approvalText, approverIn } from '../../../shared/approval-texts.ts';
import { addDays, todayInSweden } from '../../../shared/calendar.ts';
import type { Programme, ProgrammeSettings, Round } from '../../../shared/programme.ts';
import type { ParticipantRole } from '../../../shared/roles.ts';
import { formatDate, formatMoney, formatNumber, localized } from '../../format.ts';
import { useLocale } from '../../hooks.ts';

type Settings = ProgrammeSettings;
type T = ReturnType<typeof useTranslation>['t'];

interface PresentationProps {
  programme: Programme;
  rounds: readonly Round[];
  period: ApplicationWindow;
  /** Where one applies, or sees the application one has; placed after the summary. */
  applyPanel: ReactNode;
  /** Whether the reader is a manager, who may be asked to approve an employee's application. */
  manager: boolean;
}

/** A programme's settings told in plain words, for the people who may take part. */
export function ProgrammePresentation({ programme, rounds, period, applyPanel, manager }: PresentationProps) {
  const { t } = useTranslation();
  const s = programme.settings;
  const today = todayInSweden();
  const running = rounds.filter((round) => round.endsOn === null || round.endsOn >= today);
  const round = period.state === 'open' || period.state === 'upcoming' ? period.round : (running[0] ?? null);

  const sections: { id: string; title: string; content: ReactNode }[] = [
    { id: 'for-whom', title: t('programmes.view.forWhom.title'), content: <ForWhom settings={s} /> },
    {
      id: 'how-to-apply',
      title: t('programmes.view.how.title'),
      content: <HowToApply settings={s} manager={manager} />,
    },
    { id: 'length', title: t('programmes.view.length.title'), content: <LengthAndMeetings settings={s} /> },
    { id: 'matching', title: t('programmes.view.matching.title'), content: <Matching settings={s} /> },
  ];
  if (s.processPlan.length > 0 || s.events.length > 0) {
    sections.push({
      id: 'during',
      title: t('programmes.view.during.title'),
      content: <During settings={s} round={round} />,
    });
  }
  if (s.mentorTraining.steps.length > 0 || s.mentorTraining.yearlyExperienceExchange) {
    sections.push({
      id: 'training',
      title: t('programmes.view.training.title'),
      content: <Training settings={s} />,
    });
  }
  sections.push({ id: 'cost', title: t('programmes.view.cost.title'), content: <Cost settings={s} /> });
  if (running.length > 0) {
    sections.push({
      id: 'rounds',
      title: t('programmes.view.rounds.title'),
      content: <Rounds rounds={running} />,
    });
  }
  const documents = documentFlags.filter((flag) => s.documents[flag]);
  if (documents.length > 0 || s.documents.recommendedReading.length > 0) {
    sections.push({
      id: 'documents',
      title: t('programmes.view.documents.title'),
      content: <Documents settings={s} />,
    });
  }
  sections.push({
    id: 'privacy',
    title: t('programmes.view.privacy.title'),
    content: <Privacy settings={s} />,
  });

  return (
    <div className="programme-presentation">
      <Paragraphs text={programme.description} className="lead" />
      {applyPanel}
      <Glance settings={s} period={period} />
      <nav className="contents" aria-labelledby="contents-heading">
        <h2 id="contents-heading" className="contents-title">
          {t('programmes.view.contents')}
        </h2>
        <ol>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map((section) => (
        <section
          key={section.id}
          id={section.id}
          className="programme-section"
          aria-labelledby={`${section.id}-h`}
        >
          <h2 id={`${section.id}-h`}>{section.title}</h2>
          {section.content}
        </section>
      ))}
    </div>
  );
}

/** Text kept with its line breaks, a paragraph per blank-line-separated block. */
function Paragraphs({ text, className }: { text: string; className?: string }) {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return (
    <>
      {blocks.map((block, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the blocks of one text, never reordered
        <p key={index} className={className ? `${className} keep-lines` : 'keep-lines'}>
          {block}
        </p>
      ))}
    </>
  );
}

/** "1,5 timmar", "1–3 timmar". */
function hoursText(t: T, locale: 'sv' | 'en', min: number, max: number): string {
  const hours =
    min === max ? formatNumber(min, locale) : `${formatNumber(min, locale)}–${formatNumber(max, locale)}`;
  return t('programmes.view.hours', { count: max, hours });
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function intervalText(t: T, min: number, max: number): string {
  if (max === 1) return t('programmes.view.everyWeek');
  return t('programmes.view.everyNWeeks', { weeks: min === max ? String(min) : `${min}–${max}` });
}

function feeText(t: T, locale: 'sv' | 'en', fee: Settings['fee']): string {
  if (fee.basis === 'none') return t('programmes.view.cost.none');
  return t(`programmes.view.cost.${fee.basis}`, { amount: formatMoney(fee.amountOre, locale) });
}

/** The facts a busy reader wants first. */
function Glance({ settings, period }: { settings: Settings; period: ApplicationWindow }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { duration, cadence, fee } = settings;
  let applying: string;
  if (period.state === 'open') {
    applying = period.closesOn
      ? t('programmes.view.glance.applyUntil', { date: formatDate(period.closesOn, locale) })
      : t('programmes.view.glance.applyAnyTime');
  } else if (period.state === 'upcoming') {
    applying = t('programmes.view.glance.applyFrom', { date: formatDate(period.opensOn, locale) });
  } else {
    applying = t('programmes.view.glance.applyClosed');
  }
  const meetings = capitalized(
    [
      cadence.expectedMeetings !== null
        ? t('programmes.view.glance.meetings', { count: cadence.expectedMeetings })
        : intervalText(t, cadence.meetingEveryWeeksMin, cadence.meetingEveryWeeksMax),
      t('programmes.view.glance.perMeeting', {
        hours: hoursText(t, locale, cadence.meetingHoursMin, cadence.meetingHoursMax),
      }),
    ].join(', '),
  );
  const facts = [
    {
      term: t('programmes.view.glance.length'),
      value:
        t('programmes.view.months', { count: duration.months }) +
        (duration.extensionMonths !== null && duration.maxExtensions > 0
          ? `, ${t('programmes.view.glance.extendable')}`
          : ''),
    },
    { term: t('programmes.view.glance.meetingsTerm'), value: meetings },
    { term: t('programmes.view.glance.cost'), value: feeText(t, locale, fee).replace(/\.$/, '') },
    { term: t('programmes.view.glance.applying'), value: applying },
  ];
  return (
    <section className="glance" aria-labelledby="glance-heading">
      <h2 id="glance-heading" className="visually-hidden">
        {t('programmes.view.glance.title')}
      </h2>
      <dl className="glance-list">
        {facts.map((fact) => (
          <div key={fact.term}>
            <dt>{fact.term}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function requirements(t: T, rule: Settings['eligibility']['adept'], role: ParticipantRole): string[] {
  const lines: string[] = [];
  const months = rule.minMonthsManagingStaff;
  if (months !== null && months > 0) {
    lines.push(
      months % 12 === 0
        ? t('programmes.view.forWhom.years', { count: months / 12 })
        : t('programmes.view.forWhom.months', { count: months }),
    );
  }
  if (rule.experienceMustBeDocumented) lines.push(t('programmes.view.forWhom.documented'));
  if (role === 'mentor' && rule.minCapacity !== null) {
    lines.push(t('programmes.view.forWhom.capacity', { count: rule.minCapacity }));
  }
  if (rule.requiresMentorTraining) lines.push(t('programmes.view.forWhom.training'));
  return lines;
}

function ForWhom({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const roles: ParticipantRole[] = ['adept', 'mentor'];
  return (
    <>
      <div className="columns">
        {roles.map((role) => {
          const rule = settings.eligibility[role];
          const lines = requirements(t, rule, role);
          return (
            <div key={role} className="role-column">
              <h3>{t(`programmes.view.forWhom.as.${role}`)}</h3>
              <p>{t(`programmes.view.forWhom.who.${role}`)}</p>
              {lines.length > 0 && (
                <ul>
                  {lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
              {rule.otherCriteria && <Paragraphs text={rule.otherCriteria} />}
              {lines.length === 0 && !rule.otherCriteria && <p>{t('programmes.view.forWhom.noRules')}</p>}
            </div>
          );
        })}
      </div>
      {settings.eligibility.allowExceptions && <p>{t('programmes.view.forWhom.exceptions')}</p>}
    </>
  );
}

function HowToApply({ settings, manager }: { settings: Settings; manager: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const steps = settings.approvalSteps;
  const managerStep = steps.some((step) => step.approver === 'manager');
  return (
    <>
      <ol className="steps">
        <li>{t('programmes.view.how.fillIn')}</li>
        {steps.length > 0 && (
          <li>
            {t('programmes.view.how.approvals')}
            <ol>
              {steps.map((step) => (
                <li key={step.key}>
                  {approvalText(locale, 'stepTitle', { approver: approverIn(step.approverName, locale) })}
                  {step.description && <span className="hint"> {localized(step.description, locale)}</span>}
                  {step.appliesTo.length === 1 && step.appliesTo[0] && (
                    <span className="hint"> {t(`programmes.view.how.onlyFor.${step.appliesTo[0]}`)}</span>
                  )}
                </li>
              ))}
            </ol>
          </li>
        )}
        <li>
          {t('programmes.view.how.review')} <Link to="/applications">{t('programmes.view.how.follow')}</Link>
        </li>
        <li>{t(`programmes.view.how.then.${settings.intake.mode}`)}</li>
      </ol>
      {manager && managerStep && <p className="notice">{t('programmes.view.how.managerNote')}</p>}
    </>
  );
}

function LengthAndMeetings({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { duration, cadence } = settings;
  const extendable = duration.extensionMonths !== null && duration.maxExtensions > 0;
  return (
    <>
      <p>
        {t('programmes.view.length.lasts', { count: duration.months })}{' '}
        {extendable &&
          t('programmes.view.length.extension', {
            count: duration.maxExtensions,
            months: t('programmes.view.months', { count: duration.extensionMonths ?? 0 }),
          })}
      </p>
      <ul>
        <li>
          {t('programmes.view.length.interval', {
            interval: intervalText(t, cadence.meetingEveryWeeksMin, cadence.meetingEveryWeeksMax),
          })}
        </li>
        <li>
          {t('programmes.view.length.hours', {
            hours: hoursText(t, locale, cadence.meetingHoursMin, cadence.meetingHoursMax),
          })}
        </li>
        {cadence.expectedMeetings !== null && (
          <li>{t('programmes.view.length.expected', { count: cadence.expectedMeetings })}</li>
        )}
      </ul>
      {cadence.usualPlace && (
        <p>
          <strong>{t('programmes.view.length.place')}</strong> {cadence.usualPlace}
        </p>
      )}
    </>
  );
}

function Matching({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { matching } = settings;
  return (
    <>
      <ul>
        <li>{t(`programmes.view.matching.cross.${matching.crossOrganisation}`)}</li>
        {matching.excludeDependency && <li>{t('programmes.view.matching.dependency')}</li>}
        {matching.mentorLevelAtLeastAdept && <li>{t('programmes.view.matching.level')}</li>}
      </ul>
      {matching.advisorRole && (
        <p>
          <strong>{t('programmes.view.matching.advisor')}</strong> {matching.advisorRole}
        </p>
      )}
    </>
  );
}

/** "Inom 2 veckor", "Inom 12 månader": a deadline counted from the pair's start. */
function deadlineText(t: T, days: number): string {
  if (days === 0) return t('programmes.view.during.atStart');
  if (days % 7 === 0 && days <= 16 * 7) return t('programmes.view.during.withinWeeks', { count: days / 7 });
  if (days >= 60) return t('programmes.view.during.withinMonths', { count: Math.round(days / 30.44) });
  return t('programmes.view.during.withinDays', { count: days });
}

/** "Adept, Mentor och Koordinator" in the page's language. */
function rolesText(
  t: T,
  locale: 'sv' | 'en',
  roles: readonly string[],
  key: 'milestoneRoles' | 'participants',
): string {
  const names = roles.map((role) =>
    key === 'milestoneRoles'
      ? t(`programmes.view.responsible.${role}`)
      : t(`programmes.view.participants.${role}`),
  );
  return new Intl.ListFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { type: 'conjunction' }).format(names);
}

function During({ settings, round }: { settings: Settings; round: Round | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      {settings.processPlan.length > 0 && (
        <>
          <p>{t('programmes.view.during.intro')}</p>
          <ol className="timeline">
            {settings.processPlan.map((milestone) => (
              <li key={milestone.key}>
                <strong className="timeline-when">{deadlineText(t, milestone.offsetDays)}</strong>
                <span>{localized(milestone.title, locale)}</span>
                <span className="hint timeline-who">
                  {t('programmes.view.during.who', {
                    roles: rolesText(t, locale, milestone.roles, 'milestoneRoles'),
                  })}
                  {milestone.onlyFor &&
                    ` ${t('programmes.view.during.onlyFor', { group: milestone.onlyFor })}`}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      {settings.events.length > 0 && (
        <>
          <h3>{t('programmes.view.during.events')}</h3>
          <ul className="event-list">
            {settings.events.map((event) => {
              const when =
                event.offsetDays === null
                  ? t('programmes.view.during.eventLater')
                  : round
                    ? t('programmes.view.during.eventAround', {
                        date: formatDate(addDays(round.startsOn, event.offsetDays), locale),
                      })
                    : t('programmes.view.during.eventAfterStart', {
                        when: deadlineText(t, event.offsetDays).toLowerCase(),
                      });
              const details = [
                when,
                event.durationHours !== null
                  ? hoursText(t, locale, event.durationHours, event.durationHours)
                  : null,
                t('programmes.view.during.eventFor', {
                  roles: rolesText(t, locale, event.forRoles, 'participants'),
                }),
              ].filter(Boolean);
              return (
                <li key={event.key}>
                  <strong>{localized(event.title, locale)}</strong>
                  <span className="hint"> {details.join(' · ')}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

function Training({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { steps, yearlyExperienceExchange } = settings.mentorTraining;
  return (
    <>
      {steps.length > 0 && (
        <>
          <p>{t('programmes.view.training.intro')}</p>
          <ol>
            {steps.map((step) => (
              <li key={step.key}>
                {localized(step.title, locale)}
                {step.practiceMeetings !== null && (
                  <span className="hint">
                    {' '}
                    {t('programmes.view.training.practice', { count: step.practiceMeetings })}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {yearlyExperienceExchange && <p>{t('programmes.view.training.exchange')}</p>}
    </>
  );
}

function Cost({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <p>{feeText(t, locale, settings.fee)}</p>
      {settings.fee.note && <p>{settings.fee.note}</p>}
    </>
  );
}

function Rounds({ rounds }: { rounds: readonly Round[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = (value: string) => formatDate(value, locale);
  return (
    <ul className="round-list">
      {rounds.map((round) => {
        const open = round.applicationsOpenOn;
        const close = round.applicationsCloseOn;
        const period =
          open && close
            ? t('programmes.view.rounds.period', { open: date(open), close: date(close) })
            : open
              ? t('programmes.view.rounds.periodFrom', { open: date(open) })
              : close
                ? t('programmes.view.rounds.periodUntil', { close: date(close) })
                : t('programmes.view.rounds.periodAlways');
        return (
          <li key={round.id}>
            <strong>{round.name}</strong>
            <span>
              {round.endsOn
                ? t('programmes.view.rounds.dates', { start: date(round.startsOn), end: date(round.endsOn) })
                : t('programmes.view.rounds.ongoing', { start: date(round.startsOn) })}
            </span>
            <span>{period}</span>
          </li>
        );
      })}
    </ul>
  );
}

const documentFlags = [
  'contract',
  'confidentialityAgreement',
  'ethicsGuidelines',
  'mentorBook',
  'leaderProfile',
] as const;

function Documents({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const documents = documentFlags.filter((flag) => settings.documents[flag]);
  const reading = settings.documents.recommendedReading;
  return (
    <>
      {documents.length > 0 && (
        <>
          <p>{t('programmes.view.documents.intro')}</p>
          <ul>
            {documents.map((flag) => (
              <li key={flag}>
                <strong>{t(`programmes.documents.${flag}`)}</strong> –{' '}
                {t(`programmes.view.documents.about.${flag}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {reading.length > 0 && (
        <>
          <h3>{t('programmes.view.documents.reading')}</h3>
          <ul>
            {reading.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Privacy({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { noticeText, purposes } = settings.privacy;
  return (
    <>
      <Paragraphs text={localized(noticeText, locale)} />
      <h3>{t('programmes.view.privacy.purposes')}</h3>
      <ul className="purpose-list">
        {purposes.map((purpose) => (
          <li key={purpose.key}>
            <strong>{localized(purpose.label, locale)}</strong>
            <span>
              {t('programmes.view.privacy.basis', { basis: t(`intake.legalBases.${purpose.legalBasis}`) })}
            </span>
            {purpose.optional && <span className="hint">{t('programmes.view.privacy.optional')}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
