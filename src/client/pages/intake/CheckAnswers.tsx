import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrivacyNotice } from '../../../shared/intake.ts';
import type { ApplicationQuestion, Programme, Round } from '../../../shared/programme.ts';
import type { ParticipantRole } from '../../../shared/roles.ts';
import { formatDate, localized } from '../../format.ts';
import { useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';
import { type Answer, type Draft, questionsFor, type StepKey, stepTitle } from './applySteps.ts';

interface Row {
  field: string;
  label: string;
  value: ReactNode;
  /** Nothing to choose (the only organisation, the only round): no link to change it. */
  fixed?: boolean;
}

interface CheckAnswersProps {
  draft: Draft;
  programme: Programme;
  role: ParticipantRole;
  rounds: Round[];
  notice: PrivacyNotice;
  steps: StepKey[];
  /** "Ändra": back to the step that holds the field. */
  onChange(step: StepKey, field: string): void;
}

/**
 * Kontrollera dina svar: every answer under its step's heading, each with a link back to change
 * it, before anything is sent.
 */
export function CheckAnswers({ draft, programme, role, rounds, notice, steps, onChange }: CheckAnswersProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const viewer = useViewer();
  const settings = programme.settings;
  const notGiven = <span className="hint">{t('intake.apply.check.notGiven')}</span>;
  const text = (value: string) => (value.trim() ? <span className="pre-line">{value}</span> : notGiven);
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : notGiven);
  const areaLabel = (key: string) =>
    localized(settings.developmentAreas.find((a) => a.key === key)?.label ?? { sv: key, en: key }, locale);
  const level = (value: string | null) => (value ? t(`intake.levels.${value}`) : t('intake.noWish'));

  const rowsOf = (step: StepKey): Row[] => {
    switch (step) {
      case 'about': {
        const b = draft.basics;
        const organisation = viewer.session.organisations.find((o) => o.id === draft.organisationId);
        const round = rounds.find((r) => r.id === draft.roundId);
        const choices = viewer.session.organisations.filter((o) => o.networkId === programme.networkId);
        return [
          {
            field: 'organisationId',
            label: t('intake.apply.organisation'),
            value: organisation?.name ?? '',
            fixed: choices.length < 2,
          },
          ...(round
            ? [
                {
                  field: 'roundId',
                  label: t('intake.apply.round'),
                  value: round.name,
                  fixed: rounds.length < 2,
                },
              ]
            : []),
          { field: 'basics.title', label: t('intake.basics.title'), value: text(b.title) },
          {
            field: 'basics.managementLevel',
            label: t('intake.basics.managementLevel'),
            value: t(`intake.levels.${b.managementLevel}`),
          },
          { field: 'basics.staffCount', label: t('intake.basics.staffCount'), value: String(b.staffCount) },
          {
            field: 'basics.managingStaffSince',
            label: t('intake.basics.managingStaffSince'),
            value: b.managingStaffSince ? formatDate(b.managingStaffSince, locale) : notGiven,
          },
          { field: 'basics.sector', label: t('intake.basics.sector'), value: text(b.sector) },
          {
            field: 'basics.gender',
            label: t('intake.basics.gender'),
            value: t(`intake.genders.${b.gender}`),
          },
          { field: 'basics.languages', label: t('intake.basics.languages'), value: list(b.languages) },
          {
            field: 'basics.meetingPlaces',
            label: t('intake.basics.meetingPlaces'),
            value: list(b.meetingPlaces),
          },
          {
            field: 'basics.maxTravelMinutes',
            label: t('intake.basics.maxTravelMinutes'),
            value: b.maxTravelMinutes === null ? notGiven : String(b.maxTravelMinutes),
          },
        ];
      }
      case 'profile': {
        if (role === 'adept') {
          const n = draft.needs;
          return [
            {
              field: 'needs.developmentAreas',
              label: t('intake.needs.developmentAreas'),
              value: list(n.developmentAreas.map(areaLabel)),
            },
            { field: 'needs.goals', label: t('intake.needs.goals'), value: text(n.goals) },
            {
              field: 'needs.wishes.sector',
              label: t('intake.needs.wishSector'),
              value: text(n.wishes.sector),
            },
            { field: 'needs.wishes.level', label: t('intake.needs.wishLevel'), value: level(n.wishes.level) },
            {
              field: 'needs.wishes.gender',
              label: t('intake.needs.wishGender'),
              value: t(`intake.wishGenders.${n.wishes.gender}`),
            },
            {
              field: 'needs.wishes.otherOrganisation',
              label: t('intake.needs.wishOtherOrganisation'),
              value: n.wishes.otherOrganisation ? t('intake.yes') : t('intake.no'),
            },
            { field: 'needs.wishes.other', label: t('intake.needs.wishOther'), value: text(n.wishes.other) },
          ];
        }
        const m = draft.mentor;
        return [
          {
            field: 'mentor.competences',
            label: t('intake.mentor.competences'),
            value: list(m.competences.map(areaLabel)),
          },
          {
            field: 'mentor.experienceLevels',
            label: t('intake.mentor.experienceLevels'),
            value: list(m.experienceLevels.map((l) => t(`intake.levels.${l}`))),
          },
          { field: 'mentor.sectors', label: t('intake.mentor.sectors'), value: list(m.sectors) },
          { field: 'mentor.capacity', label: t('intake.mentor.capacity'), value: String(m.capacity) },
          {
            field: 'mentor.meetingPreferences',
            label: t('intake.mentor.meetingPreferences'),
            value: text(m.meetingPreferences),
          },
          {
            field: 'mentor.presentation',
            label: t('intake.mentor.presentation'),
            value: text(m.presentation),
          },
        ];
      }
      case 'questions':
        return questionsFor(settings, role).map((question) => ({
          field: `answers.${question.key}`,
          label: localized(question.label, locale),
          value: answerText(question, draft.answers[question.key]) ?? notGiven,
        }));
      case 'manager':
        return [
          { field: 'manager.name', label: t('intake.apply.managerName'), value: text(draft.manager.name) },
          { field: 'manager.email', label: t('intake.apply.managerEmail'), value: text(draft.manager.email) },
        ];
      case 'consent': {
        const optional = notice.purposes.filter((p) => p.optional);
        return [
          {
            field: 'noticeId',
            label: t('intake.apply.check.notice'),
            value: draft.acknowledged
              ? t('intake.apply.check.noticeRead', { version: notice.version })
              : t('intake.apply.check.noticeNotRead'),
          },
          ...(optional.length > 0
            ? [
                {
                  field: 'consents',
                  label: t('intake.apply.consentsLegend'),
                  value:
                    draft.consents.length > 0
                      ? optional
                          .filter((p) => draft.consents.includes(p.key))
                          .map((p) => localized(p.label, locale))
                          .join(', ')
                      : t('intake.apply.check.noConsents'),
                },
              ]
            : []),
        ];
      }
    }
  };

  function answerText(question: ApplicationQuestion, answer: Answer | undefined): ReactNode | null {
    const option = (key: string) =>
      localized(question.options.find((o) => o.key === key)?.label ?? { sv: key, en: key }, locale);
    if (answer === undefined || answer === '' || (Array.isArray(answer) && answer.length === 0)) return null;
    if (typeof answer === 'number')
      return t('intake.questions.scaleAnswer', { value: answer, max: question.scaleMax ?? 5 });
    if (Array.isArray(answer)) return answer.map(option).join(', ');
    return question.type === 'choice' ? option(answer) : <span className="pre-line">{answer}</span>;
  }

  return (
    <>
      {steps.map((step) => (
        <section key={step} className="check-answers" aria-labelledby={`check-${step}`}>
          <h2 id={`check-${step}`}>{stepTitle(step, role, t)}</h2>
          <dl className="summary-list">
            {rowsOf(step).map((row) => (
              <div key={row.field} className="summary-row">
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
                <dd className="summary-action">
                  {!row.fixed && (
                    <a
                      href={`?step=${step}`}
                      onClick={(event) => {
                        event.preventDefault();
                        onChange(step, row.field);
                      }}
                    >
                      {t('intake.apply.check.change')}
                      <span className="visually-hidden"> {row.label.toLowerCase()}</span>
                    </a>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
