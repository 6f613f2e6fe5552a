import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits } from '../../../shared/api.ts';
import {
  type Application,
  type ApplyBody,
  applicationSchema,
  type Eligibility,
  eligibilitySchema,
  IntakeLimits,
  type MentorProfile,
  type NeedsProfile,
  type PrivacyNotice,
  type Profile,
  type ProfileBasics,
} from '../../../shared/intake.ts';
import type { ApplicationQuestion, Programme, Round } from '../../../shared/programme.ts';
import type { ParticipantRole } from '../../../shared/roles.ts';
import { ApiError, api } from '../../api.ts';
import {
  CheckboxField,
  CheckboxGroup,
  FieldGroup,
  Form,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../../components/Form.tsx';
import { formatDate, localized } from '../../format.ts';
import { useAction, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';
import { EligibilityChecks } from './ApplicationParts.tsx';
import {
  BasicsFields,
  emptyBasics,
  emptyMentor,
  emptyNeeds,
  MentorFields,
  NeedsFields,
} from './ProfileFields.tsx';

type Answer = ApplyBody['answers'][string];

interface ApplyFormProps {
  programme: Programme;
  role: ParticipantRole;
  notice: PrivacyNotice;
  rounds: Round[];
  /** The applicant's saved profile, to start from. */
  profile: Profile | null;
  /** When completing an application the coordinator sent back: that application. */
  existing?: Application;
  onDone(application: Application): void;
}

/** The round whose application period includes today, else the latest one. */
function defaultRound(rounds: Round[]): string | null {
  const today = new Date().toISOString().slice(0, 10);
  const open = rounds.find(
    (r) =>
      (r.applicationsOpenOn === null || r.applicationsOpenOn <= today) &&
      (r.applicationsCloseOn === null || r.applicationsCloseOn >= today) &&
      (r.endsOn === null || r.endsOn >= today),
  );
  return (open ?? rounds[rounds.length - 1])?.id ?? null;
}

function isAnswered(answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  if (typeof answer === 'string') return answer.trim().length > 0;
  if (Array.isArray(answer)) return answer.length > 0;
  return true;
}

export function ApplyForm({ programme, role, notice, rounds, profile, existing, onDone }: ApplyFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const viewer = useViewer();
  const settings = programme.settings;
  const organisations = viewer.session.organisations.filter((o) => o.networkId === programme.networkId);
  const ownOrganisationIds = new Set(viewer.roles.map((r) => r.organisationId));
  const preferredOrganisation =
    organisations.find((o) => ownOrganisationIds.has(o.id))?.id ?? organisations[0]?.id ?? '';

  const [organisationId, setOrganisationId] = useState(existing?.organisation.id ?? preferredOrganisation);
  const [roundId, setRoundId] = useState<string | null>(existing ? existing.roundId : defaultRound(rounds));
  const [basics, setBasics] = useState<ProfileBasics>(existing?.basics ?? profile?.basics ?? emptyBasics);
  const [needs, setNeeds] = useState<NeedsProfile>(existing?.needs ?? profile?.needs ?? emptyNeeds);
  const [mentor, setMentor] = useState<MentorProfile>(existing?.mentor ?? profile?.mentor ?? emptyMentor);
  const [answers, setAnswers] = useState<Record<string, Answer>>(existing?.answers ?? {});
  // The manager of the current chain: steps superseded by a move to another organisation are past.
  const managerApprover = existing?.approvals.find(
    (a) => a.approver === 'manager' && a.status !== 'superseded',
  );
  const [manager, setManager] = useState({
    name: managerApprover?.approverName ?? '',
    email: managerApprover?.approverEmail ?? '',
  });
  const [exceptionReason, setExceptionReason] = useState(existing?.exceptionReason ?? '');
  const [acknowledged, setAcknowledged] = useState(false);
  const [consents, setConsents] = useState<string[]>([]);
  const submit = useAction();

  const questions = settings.applicationQuestions.filter((q) => q.forRoles.includes(role));
  const asksManager = settings.approvalSteps.some(
    (step) => step.approver === 'manager' && step.appliesTo.includes(role),
  );
  const preview = useEligibilityPreview(programme.id, role, basics, role === 'mentor' ? mentor : undefined);
  const eligibility = preview.eligibility;
  const blocked = eligibility !== null && !eligibility.eligible && !settings.eligibility.allowExceptions;
  const needsException =
    eligibility !== null && !eligibility.eligible && settings.eligibility.allowExceptions;
  const criteria = settings.eligibility[role].otherCriteria;

  async function send() {
    if (!acknowledged) {
      throw new ApiError({
        type: 'about:blank',
        title: t('common.errors.validation'),
        status: 400,
        code: 'validation',
        errors: [{ field: 'noticeId', message: t('intake.apply.mustAcknowledge') }],
      });
    }
    const body: ApplyBody = {
      role,
      organisationId,
      roundId,
      basics,
      needs: role === 'adept' ? needs : undefined,
      mentor: role === 'mentor' ? mentor : undefined,
      answers: Object.fromEntries(
        questions.filter((q) => isAnswered(answers[q.key])).map((q) => [q.key, answers[q.key] as Answer]),
      ),
      manager: asksManager ? manager : undefined,
      noticeId: notice.id,
      consents,
      exceptionReason: needsException ? exceptionReason : undefined,
    };
    const saved = existing
      ? await api.put(`/api/applications/${existing.id}`, body, applicationSchema)
      : await api.post(`/api/programmes/${programme.id}/applications`, body, applicationSchema);
    onDone(saved);
  }

  const optionalPurposes = notice.purposes.filter((p) => p.optional);

  return (
    <Form action={submit} onSubmit={send} className="form apply-form">
      <fieldset className="section">
        <legend>{t('intake.apply.whereLegend')}</legend>
        {organisations.length > 1 ? (
          <SelectField
            name="organisationId"
            label={t('intake.apply.organisation')}
            hint={t('intake.apply.organisationHint')}
            value={organisationId}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            onChange={setOrganisationId}
          />
        ) : (
          <p>
            {t('intake.apply.organisationFixed', {
              organisation: organisations[0]?.name ?? viewer.networkName,
            })}
          </p>
        )}
        {rounds.length > 1 && (
          <SelectField
            name="roundId"
            label={t('intake.apply.round')}
            value={roundId ?? ''}
            options={rounds.map((r) => ({
              value: r.id,
              label: t('intake.apply.roundOption', { name: r.name, start: formatDate(r.startsOn, locale) }),
            }))}
            onChange={(id) => setRoundId(id || null)}
          />
        )}
        {rounds.length === 1 && rounds[0] && <p>{t('intake.apply.roundFixed', { name: rounds[0].name })}</p>}
      </fieldset>

      <fieldset className="section">
        <legend>{t('intake.apply.basicsLegend')}</legend>
        <p className="hint">{t('intake.apply.basicsHint')}</p>
        <BasicsFields value={basics} path="basics" onChange={setBasics} />
      </fieldset>

      {role === 'adept' ? (
        <fieldset className="section">
          <legend>{t('intake.apply.needsLegend')}</legend>
          <NeedsFields value={needs} path="needs" onChange={setNeeds} areas={settings.developmentAreas} />
        </fieldset>
      ) : (
        <fieldset className="section">
          <legend>{t('intake.apply.mentorLegend')}</legend>
          <MentorFields value={mentor} path="mentor" onChange={setMentor} areas={settings.developmentAreas} />
        </fieldset>
      )}

      {questions.length > 0 && (
        <fieldset className="section">
          <legend>{t('intake.apply.questionsLegend')}</legend>
          {questions.map((question) => (
            <QuestionField
              key={question.key}
              question={question}
              value={answers[question.key]}
              onChange={(answer) => setAnswers((current) => ({ ...current, [question.key]: answer }))}
            />
          ))}
        </fieldset>
      )}

      {asksManager && (
        <fieldset className="section">
          <legend>{t('intake.apply.managerLegend')}</legend>
          <p className="hint">{t('intake.apply.managerHint')}</p>
          <FieldGroup label={t('intake.apply.managerLegend')}>
            <div className="field-row">
              <TextField
                name="manager.name"
                label={t('intake.apply.managerName')}
                required
                maxLength={Limits.nameMax}
                value={manager.name}
                onChange={(name) => setManager((m) => ({ ...m, name }))}
              />
              <TextField
                name="manager.email"
                label={t('intake.apply.managerEmail')}
                type="email"
                required
                maxLength={Limits.emailMax}
                value={manager.email}
                onChange={(email) => setManager((m) => ({ ...m, email }))}
              />
            </div>
          </FieldGroup>
        </fieldset>
      )}

      <section className="card" aria-labelledby="eligibility-heading">
        <div className="section-heading">
          <h2 id="eligibility-heading">{t('intake.eligibility.title')}</h2>
          <button type="button" className="button button-small" onClick={preview.check}>
            {t('intake.eligibility.check')}
          </button>
        </div>
        {criteria && <p>{t('intake.eligibility.otherCriteria', { criteria })}</p>}
        <div role="status" aria-live="polite">
          {preview.loading && <p className="loading">{t('intake.eligibility.checking')}</p>}
          {!preview.loading && eligibility === null && (
            <p className="hint">{t('intake.eligibility.fillIn')}</p>
          )}
          {!preview.loading && eligibility && (
            <p className={eligibility.eligible ? 'notice notice-success' : 'notice notice-error'}>
              {eligibility.eligible ? t('intake.eligibility.eligible') : t('intake.eligibility.notEligible')}
            </p>
          )}
        </div>
        {eligibility && <EligibilityChecks eligibility={eligibility} />}
        {blocked && <p>{t('intake.eligibility.noExceptions')}</p>}
        {needsException && (
          <TextAreaField
            name="exceptionReason"
            label={t('intake.apply.exceptionReason')}
            hint={t('intake.apply.exceptionReasonHint')}
            maxLength={IntakeLimits.textMax}
            value={exceptionReason}
            onChange={setExceptionReason}
          />
        )}
      </section>

      <fieldset className="section">
        <legend>{t('intake.notice.legend', { version: notice.version })}</legend>
        <div className="notice-text">{localized(notice.text, locale)}</div>
        <div className="table-wrap">
          <table>
            <caption>{t('intake.notice.purposesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('intake.notice.purpose')}</th>
                <th scope="col">{t('intake.notice.legalBasis')}</th>
                <th scope="col">{t('intake.notice.optional')}</th>
              </tr>
            </thead>
            <tbody>
              {notice.purposes.map((purpose) => (
                <tr key={purpose.key}>
                  <th scope="row">{localized(purpose.label, locale)}</th>
                  <td>{t(`intake.legalBases.${purpose.legalBasis}`)}</td>
                  <td>{purpose.optional ? t('intake.notice.askConsent') : t('intake.notice.notOptional')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CheckboxField
          name="noticeId"
          label={t('intake.apply.acknowledge')}
          checked={acknowledged}
          onChange={setAcknowledged}
        />
        {optionalPurposes.length > 0 && (
          <CheckboxGroup
            name="consents"
            legend={t('intake.apply.consentsLegend')}
            hint={t('intake.apply.consentsHint')}
            options={optionalPurposes.map((p) => ({ value: p.key, label: localized(p.label, locale) }))}
            value={consents}
            onChange={setConsents}
          />
        )}
      </fieldset>

      {!blocked && (
        <div className="form-actions">
          <SubmitButton action={submit}>
            {existing ? t('intake.apply.resubmit') : t('intake.apply.submit')}
          </SubmitButton>
        </div>
      )}
    </Form>
  );
}

/** Asks the server whether the answers so far meet the rules, a moment after they stop changing. */
function useEligibilityPreview(
  programmeId: string,
  role: ParticipantRole,
  basics: ProfileBasics,
  mentor: MentorProfile | undefined,
) {
  const [eligibility, setEligibility] = useState<Eligibility | null>(null);
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);
  const body = JSON.stringify({ role, basics, mentor });
  useEffect(() => {
    let cancelled = false;
    const timer = window.setTimeout(
      () => {
        setLoading(true);
        api.post(`/api/programmes/${programmeId}/eligibility`, JSON.parse(body), eligibilitySchema).then(
          (result) => {
            if (cancelled) return;
            setEligibility(result);
            setLoading(false);
          },
          () => {
            // Incomplete answers cannot be checked yet; the form says what to fill in.
            if (cancelled) return;
            setEligibility(null);
            setLoading(false);
          },
        );
      },
      version === 0 ? 700 : 0,
    );
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [programmeId, body, version]);
  return { eligibility, loading, check: () => setVersion((v) => v + 1) };
}

function QuestionField({
  question,
  value,
  onChange,
}: {
  question: ApplicationQuestion;
  value: Answer | undefined;
  onChange(value: Answer): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = `answers.${question.key}`;
  const label = localized(question.label, locale);
  const hints = [
    question.required ? t('intake.questions.required') : t('intake.questions.optional'),
    question.private ? t('intake.questions.privateHint') : null,
  ]
    .filter(Boolean)
    .join(' ');
  const options = question.options.map((o) => ({ value: o.key, label: localized(o.label, locale) }));
  switch (question.type) {
    case 'text':
      return (
        <TextAreaField
          name={name}
          label={label}
          hint={hints}
          rows={3}
          maxLength={IntakeLimits.textMax}
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
        />
      );
    case 'choice':
      return (
        <RadioGroup
          name={name}
          legend={label}
          hint={hints}
          options={options}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
        />
      );
    case 'multiple_choice':
      return (
        <CheckboxGroup
          name={name}
          legend={label}
          hint={hints}
          options={options}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
        />
      );
    case 'scale': {
      const max = question.scaleMax ?? 5;
      return (
        <RadioGroup
          name={name}
          legend={label}
          hint={`${t('intake.questions.scaleHint', { max })} ${hints}`}
          inline
          options={Array.from({ length: max }, (_, i) => ({ value: i + 1, label: String(i + 1) }))}
          value={typeof value === 'number' ? value : null}
          onChange={onChange}
        />
      );
    }
  }
}
