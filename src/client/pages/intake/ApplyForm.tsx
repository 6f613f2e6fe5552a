import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../shared/api.ts';
import { todayInSweden } from '../../../shared/calendar.ts';
import {
  type Application,
  type ApplyBody,
  applicationSchema,
  type Eligibility,
  eligibilitySchema,
  IntakeLimits,
  type MentorProfile,
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
  goToField,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../../components/Form.tsx';
import { ScrollableTable } from '../../components/ScrollableTable.tsx';
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges.tsx';
import { formatDate, localized } from '../../format.ts';
import { type Action, useAction, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';
import { EligibilityChecks } from './ApplicationParts.tsx';
import {
  type Answer,
  type ApplyPageKey,
  applySteps,
  asksManager,
  type Draft,
  type FieldProblem,
  fieldLabel,
  nameLimit,
  questionsFor,
  type StepKey,
  stepOfField,
  stepProblems,
  stepTitle,
} from './applySteps.ts';
import { CheckAnswers } from './CheckAnswers.tsx';
import {
  BasicsFields,
  emptyBasics,
  emptyMentor,
  emptyNeeds,
  MentorFields,
  NeedsFields,
} from './ProfileFields.tsx';

export type { ApplyPageKey } from './applySteps.ts';

interface ApplyFormProps {
  programme: Programme;
  role: ParticipantRole;
  notice: PrivacyNotice;
  rounds: Round[];
  /** The applicant's saved profile, to start from. */
  profile: Profile | null;
  /** When completing an application the coordinator sent back: that application. */
  existing?: Application;
  /** Called once the application is sent, with what was sent. */
  onDone(application: Application, draft: Draft): void;
  /**
   * The page shown, when the caller keeps it (in the address, with the page's heading); without
   * it the form keeps its own and heads each step itself.
   */
  page?: ApplyPageKey;
  onPage?(page: ApplyPageKey, options: { replace: boolean; toField: boolean }): void;
}

/** Whether a round takes applications today. */
function takesApplications(round: Round, today: string): boolean {
  return (
    (round.applicationsOpenOn === null || round.applicationsOpenOn <= today) &&
    (round.applicationsCloseOn === null || round.applicationsCloseOn >= today) &&
    (round.endsOn === null || round.endsOn >= today)
  );
}

/** The rounds one can apply to now; when completing, the application's own round too. */
export function roundsToOffer(rounds: Round[], existingRoundId: string | null = null): Round[] {
  const today = todayInSweden();
  return rounds.filter((r) => r.id === existingRoundId || takesApplications(r, today));
}

function isAnswered(answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  if (typeof answer === 'string') return answer.trim().length > 0;
  if (Array.isArray(answer)) return answer.length > 0;
  return true;
}

function problemOf(title: string, errors: FieldProblem[]): Problem {
  return { type: 'about:blank', title, status: 400, code: 'validation_failed', errors };
}

/**
 * The application form, one topic per step, with a page to check the answers before anything is
 * sent. Each step's errors show at that step when the person goes on; the server's, after sending,
 * are listed on the check page, each linked to the step that holds its field and shown there too.
 */
export function ApplyForm(props: ApplyFormProps) {
  const { programme, role, notice, rounds, profile, existing, onDone } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const viewer = useViewer();
  const settings = programme.settings;
  const steps = applySteps(settings, role);
  const questions = questionsFor(settings, role);
  const organisations = viewer.session.organisations.filter((o) => o.networkId === programme.networkId);
  const ownOrganisationIds = new Set(viewer.roles.map((r) => r.organisationId));
  const offered = roundsToOffer(rounds, existing?.roundId ?? null);
  const managerApprover = existing?.approvals.find(
    (a) => a.approver === 'manager' && a.status !== 'superseded',
  );

  const [draft, setDraft] = useState<Draft>(() => ({
    organisationId:
      existing?.organisation.id ??
      organisations.find((o) => ownOrganisationIds.has(o.id))?.id ??
      organisations[0]?.id ??
      '',
    roundId: existing ? existing.roundId : (offered[0]?.id ?? null),
    basics: existing?.basics ?? profile?.basics ?? emptyBasics,
    needs: existing?.needs ?? profile?.needs ?? emptyNeeds,
    mentor: existing?.mentor ?? profile?.mentor ?? emptyMentor,
    answers: existing?.answers ?? {},
    manager: { name: managerApprover?.approverName ?? '', email: managerApprover?.approverEmail ?? '' },
    exceptionReason: existing?.exceptionReason ?? '',
    acknowledged: false,
    consents: [],
  }));
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) => {
      setDirty(true);
      setDraft((d) => ({ ...d, [key]: value }));
    };
  const [dirty, setDirty] = useState(false);
  const [sent, setSent] = useState(false);
  useUnsavedChangesWarning(
    dirty && !sent,
    t('intake.apply.leaveWarning'),
    (next, current) => next.pathname === current.pathname,
  );

  // The page: the caller's, or our own. Completing an application starts from all the answers.
  const order: ApplyPageKey[] = [...steps, 'check'];
  const [ownPage, setOwnPage] = useState<ApplyPageKey>(existing ? 'check' : steps[0]!);
  const page = props.page ?? ownPage;
  const [furthest, setFurthest] = useState(existing ? order.length - 1 : 0);
  const [returnToCheck, setReturnToCheck] = useState(existing !== undefined);
  const index = Math.max(0, order.indexOf(page));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fieldToShow = useRef(false);

  function go(next: ApplyPageKey, replace = false, toField = false) {
    const nextIndex = order.indexOf(next);
    setFurthest((f) => Math.max(f, nextIndex));
    fieldToShow.current = toField;
    if (props.onPage) props.onPage(next, { replace, toField });
    else setOwnPage(next);
  }

  // An address that skips ahead (a reload, a pasted link) starts where the answers are.
  const unreached = index > furthest;
  useEffect(() => {
    if (unreached) go(order[furthest]!, true);
  });

  // Without a caller, the form heads its own steps and moves focus to the heading.
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (props.page === undefined && !fieldToShow.current) headingRef.current?.focus();
    fieldToShow.current = false;
  }, [page]);

  // The server's answer to the last send: each step shows its own fields' errors.
  const [serverProblem, setServerProblem] = useState<Problem | null>(null);
  const stepAction = useAction();
  const sendAction = useAction();
  const stepProblem = useMemo(() => {
    if (!serverProblem?.errors) return null;
    const errors = serverProblem.errors.filter((e) => stepOfField(e.field) === page);
    return errors.length > 0 ? { ...serverProblem, errors } : null;
  }, [serverProblem, page]);
  const formAction: Action = { ...stepAction, problem: stepAction.problem ?? stepProblem };

  const ctx = { settings, role, ownEmail: viewer.session.person.email, t, locale };
  /** Fields on no page (the only organisation, the only round) have no label to link to. */
  const onNoPage = (field: string) =>
    (field === 'organisationId' && organisations.length < 2) || (field === 'roundId' && offered.length < 2);
  const labelFor = (field: string) => (onNoPage(field) ? undefined : fieldLabel(field, t, locale, questions));
  /** A summary link to a field on another step opens that step first. */
  const revealField = (field: string) => {
    const target = stepOfField(field);
    if (target !== page && target !== 'check' && !onNoPage(field)) {
      stepAction.reset();
      setReturnToCheck(true);
      go(target, false, true);
    }
  };

  const preview = useEligibilityPreview(
    programme.id,
    role,
    draft.basics,
    role === 'mentor' ? draft.mentor : undefined,
    page === 'check',
  );

  /** Eligibility checks the person can meet on this step, as errors at the field they concern. */
  async function eligibilityProblems(step: StepKey): Promise<FieldProblem[]> {
    const rules = settings.eligibility[role];
    const relevant =
      (step === 'about' && rules.minMonthsManagingStaff !== null) ||
      (step === 'profile' && role === 'mentor' && rules.minCapacity !== null);
    if (!relevant || settings.eligibility.allowExceptions) return [];
    const result = await api.post(
      `/api/programmes/${programme.id}/eligibility`,
      { role, basics: draft.basics, mentor: role === 'mentor' ? draft.mentor : undefined },
      eligibilitySchema,
    );
    return result.checks
      .filter((c) => c.met === false)
      .filter((c) => (step === 'about' ? c.rule !== 'min_capacity' : c.rule === 'min_capacity'))
      .map((c) => ({
        field: c.rule === 'min_capacity' ? 'mentor.capacity' : 'basics.managingStaffSince',
        message: c.text,
      }));
  }

  async function goOn() {
    const step = page as StepKey;
    const problems = stepProblems(step, draft, ctx);
    if (problems.length === 0) problems.push(...(await eligibilityProblems(step)));
    if (problems.length > 0) throw new ApiError(problemOf(t('intake.apply.errors.summaryTitle'), problems));
    // What the server said about this step's fields is answered now.
    setServerProblem((p) => {
      const errors = p?.errors?.filter((e) => stepOfField(e.field) !== step) ?? [];
      return p && errors.length > 0 ? { ...p, errors } : null;
    });
    go(returnToCheck ? 'check' : order[index + 1]!);
  }

  function body(): ApplyBody {
    const eligible = preview.eligibility?.eligible ?? true;
    return {
      role,
      organisationId: draft.organisationId,
      roundId: draft.roundId,
      basics: draft.basics,
      needs: role === 'adept' ? draft.needs : undefined,
      mentor: role === 'mentor' ? draft.mentor : undefined,
      answers: Object.fromEntries(
        questions
          .filter((q) => isAnswered(draft.answers[q.key]))
          .map((q) => [q.key, draft.answers[q.key] as Answer]),
      ),
      manager: asksManager(settings, role) ? draft.manager : undefined,
      noticeId: notice.id,
      consents: draft.consents,
      exceptionReason: !eligible && draft.exceptionReason ? draft.exceptionReason : undefined,
    };
  }

  async function send() {
    const problems = steps.flatMap((step) => stepProblems(step, draft, ctx));
    if (problems.length > 0) {
      const problem = problemOf(t('intake.apply.errors.summaryTitle'), problems);
      setServerProblem(problem);
      throw new ApiError(problem);
    }
    try {
      const saved = existing
        ? await api.put(`/api/applications/${existing.id}`, body(), applicationSchema)
        : await api.post(`/api/programmes/${programme.id}/applications`, body(), applicationSchema);
      setSent(true);
      onDone(saved, draft);
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors?.length) setServerProblem(error.problem);
      throw error;
    }
  }

  if (unreached) return null;

  const eligibility = preview.eligibility;
  const blocked = eligibility !== null && !eligibility.eligible && !settings.eligibility.allowExceptions;
  const needsException =
    eligibility !== null && !eligibility.eligible && settings.eligibility.allowExceptions;
  const stepNumber = steps.indexOf(page as StepKey) + 1;

  const back =
    index > 0 ? (
      <p>
        <a
          href={`?step=${order[index - 1]}`}
          className="back-link"
          onClick={(event) => {
            event.preventDefault();
            stepAction.reset();
            go(order[index - 1]!);
          }}
        >
          {t('intake.apply.back')}
        </a>
      </p>
    ) : null;

  const ownHeading =
    props.page === undefined ? (
      <h3 ref={headingRef} tabIndex={-1} className="step-heading">
        <span className="page-caption">
          {page === 'check'
            ? t('intake.apply.checkCaption')
            : t('intake.apply.stepOf', { step: stepNumber, count: steps.length })}
          <span className="visually-hidden"> – </span>
        </span>
        {stepTitle(page, role, t)}
      </h3>
    ) : null;

  if (page === 'check') {
    return (
      <>
        {ownHeading}
        {back}
        <p>{t('intake.apply.checkIntro')}</p>
        <Form
          action={sendAction}
          onSubmit={send}
          idPrefix="apply"
          className="form apply-send"
          revealField={revealField}
          labelFor={labelFor}
        >
          <CheckAnswers
            draft={draft}
            programme={programme}
            role={role}
            rounds={offered}
            notice={notice}
            steps={steps}
            onChange={(step, field) => {
              sendAction.reset();
              stepAction.reset();
              setReturnToCheck(true);
              go(step, false, true);
              goToField(`apply-${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`);
            }}
          />
          <section className="card" aria-labelledby="apply-eligibility">
            <h2 id="apply-eligibility">{t('intake.eligibility.title')}</h2>
            {settings.eligibility[role].otherCriteria && (
              <p>
                {t('intake.eligibility.otherCriteria', {
                  criteria: settings.eligibility[role].otherCriteria,
                })}
              </p>
            )}
            <div role="status" aria-live="polite">
              {preview.loading && <p className="loading">{t('intake.eligibility.checking')}</p>}
              {!preview.loading && eligibility && (
                <p className={eligibility.eligible ? 'notice notice-success' : 'notice notice-error'}>
                  {eligibility.eligible
                    ? t('intake.eligibility.eligible')
                    : t('intake.eligibility.notEligible')}
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
                limit={IntakeLimits.textMax}
                value={draft.exceptionReason}
                onChange={set('exceptionReason')}
              />
            )}
          </section>
          <h2>{t('intake.apply.sendTitle')}</h2>
          <p>{t(existing ? 'intake.apply.sendIntroCompletion' : 'intake.apply.sendIntro')}</p>
          {!blocked && (
            <div className="form-actions">
              <SubmitButton action={sendAction}>
                {existing ? t('intake.apply.resubmit') : t('intake.apply.submit')}
              </SubmitButton>
            </div>
          )}
        </Form>
      </>
    );
  }

  const step = page as StepKey;
  const optionalPurposes = notice.purposes.filter((p) => p.optional);
  const rules = settings.eligibility[role];

  return (
    <>
      {ownHeading}
      {back}
      <Form
        action={formAction}
        onSubmit={goOn}
        idPrefix="apply"
        className="form apply-form"
        revealField={revealField}
        labelFor={labelFor}
      >
        {step === 'about' && (
          <>
            {organisations.length > 1 ? (
              <SelectField
                name="organisationId"
                label={t('intake.apply.organisation')}
                hint={t('intake.apply.organisationHint')}
                value={draft.organisationId}
                options={organisations.map((o) => ({ value: o.id, label: o.name }))}
                onChange={set('organisationId')}
              />
            ) : (
              <p>
                {t('intake.apply.organisationFixed', {
                  organisation: organisations[0]?.name ?? viewer.networkName,
                })}
              </p>
            )}
            {offered.length > 1 && (
              <SelectField
                name="roundId"
                label={t('intake.apply.round')}
                value={draft.roundId ?? ''}
                options={offered.map((r) => ({
                  value: r.id,
                  label: t('intake.apply.roundOption', {
                    name: r.name,
                    start: formatDate(r.startsOn, locale),
                  }),
                }))}
                onChange={(id) => set('roundId')(id || null)}
              />
            )}
            {offered.length === 1 && offered[0] && (
              <p>
                {offered[0].applicationsCloseOn
                  ? t('intake.apply.roundFixedUntil', {
                      name: offered[0].name,
                      date: formatDate(offered[0].applicationsCloseOn, locale),
                    })
                  : t('intake.apply.roundFixed', { name: offered[0].name })}
              </p>
            )}
            <p className="hint">{t('intake.apply.basicsHint')}</p>
            <BasicsFields
              value={draft.basics}
              path="basics"
              onChange={set('basics')}
              minMonthsManagingStaff={rules.minMonthsManagingStaff}
            />
          </>
        )}

        {step === 'profile' &&
          (role === 'adept' ? (
            <NeedsFields
              value={draft.needs}
              path="needs"
              onChange={set('needs')}
              areas={settings.developmentAreas}
            />
          ) : (
            <MentorFields
              value={draft.mentor}
              path="mentor"
              onChange={set('mentor')}
              areas={settings.developmentAreas}
              minCapacity={rules.minCapacity}
            />
          ))}

        {step === 'questions' &&
          questions.map((question) => (
            <QuestionField
              key={question.key}
              question={question}
              value={draft.answers[question.key]}
              onChange={(answer) => set('answers')({ ...draft.answers, [question.key]: answer })}
            />
          ))}

        {step === 'manager' && (
          <>
            <p>{t('intake.apply.managerHint', { days: settings.intake.approvalReminderDays })}</p>
            <FieldGroup label={t('intake.apply.managerLegend')}>
              <TextField
                name="manager.name"
                label={t('intake.apply.managerName')}
                autoComplete="off"
                limit={nameLimit}
                value={draft.manager.name}
                onChange={(name) => set('manager')({ ...draft.manager, name })}
              />
              <TextField
                name="manager.email"
                label={t('intake.apply.managerEmail')}
                hint={t('intake.apply.managerEmailHint')}
                type="email"
                autoComplete="off"
                spellCheck={false}
                value={draft.manager.email}
                onChange={(email) => set('manager')({ ...draft.manager, email })}
              />
            </FieldGroup>
          </>
        )}

        {step === 'consent' && (
          <>
            <p className="hint">{t('intake.notice.version', { version: notice.version })}</p>
            <div className="notice-text">{localized(notice.text, locale)}</div>
            <ScrollableTable caption={t('intake.notice.purposesCaption')} className="purposes-table">
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
                    <td data-label={t('intake.notice.legalBasisLabel')}>
                      {t(`intake.legalBases.${purpose.legalBasis}`)}
                    </td>
                    <td data-label={t('intake.notice.optionalLabel')}>
                      {purpose.optional ? t('intake.notice.askConsent') : t('intake.notice.notOptional')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollableTable>
            <CheckboxField
              name="noticeId"
              label={t('intake.apply.acknowledge')}
              checked={draft.acknowledged}
              onChange={set('acknowledged')}
            />
            {optionalPurposes.length > 0 && (
              <CheckboxGroup
                name="consents"
                legend={t('intake.apply.consentsLegend')}
                hint={t('intake.apply.consentsHint')}
                optional
                options={optionalPurposes.map((p) => ({ value: p.key, label: localized(p.label, locale) }))}
                value={draft.consents}
                onChange={set('consents')}
              />
            )}
          </>
        )}

        <div className="form-actions">
          <SubmitButton action={formAction}>
            {returnToCheck ? t('intake.apply.backToCheck') : t('intake.apply.continue')}
          </SubmitButton>
        </div>
      </Form>
    </>
  );
}

/** Asks the server whether the answers meet the rules, a moment after they stop changing. */
function useEligibilityPreview(
  programmeId: string,
  role: ParticipantRole,
  basics: ProfileBasics,
  mentor: MentorProfile | undefined,
  enabled: boolean,
) {
  const [eligibility, setEligibility] = useState<Eligibility | null>(null);
  const [loading, setLoading] = useState(false);
  const body = JSON.stringify({ role, basics, mentor });
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setLoading(true);
    const timer = window.setTimeout(() => {
      api.post(`/api/programmes/${programmeId}/eligibility`, JSON.parse(body), eligibilitySchema).then(
        (result) => {
          if (cancelled) return;
          setEligibility(result);
          setLoading(false);
        },
        () => {
          // Answers the schema refuses are listed by the send; nothing to judge yet.
          if (cancelled) return;
          setEligibility(null);
          setLoading(false);
        },
      );
    }, 0);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [programmeId, body, enabled]);
  return { eligibility, loading };
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
  const hint = question.private ? t('intake.questions.privateHint') : undefined;
  const optional = !question.required;
  const options = question.options.map((o) => ({ value: o.key, label: localized(o.label, locale) }));
  switch (question.type) {
    case 'text':
      return (
        <TextAreaField
          name={name}
          label={label}
          hint={hint}
          optional={optional}
          rows={3}
          limit={IntakeLimits.textMax}
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
        />
      );
    case 'choice':
      return (
        <RadioGroup
          name={name}
          legend={label}
          hint={hint}
          optional={optional}
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
          hint={hint}
          optional={optional}
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
          hint={[t('intake.questions.scaleHint', { max }), hint].filter(Boolean).join(' ')}
          optional={optional}
          inline
          options={Array.from({ length: max }, (_, i) => ({ value: i + 1, label: String(i + 1) }))}
          value={typeof value === 'number' ? value : null}
          onChange={onChange}
        />
      );
    }
  }
}
