import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { applicationWindow } from '../../../shared/applicationPeriod.ts';
import { todayInSweden } from '../../../shared/calendar.ts';
import { type Application, privacyNoticeSchema, profileSchema } from '../../../shared/intake.ts';
import { type Programme, programmeSchema, type Round } from '../../../shared/programme.ts';
import { type ParticipantRole, participantRoleSchema } from '../../../shared/roles.ts';
import { applicationListSchema, roundListSchema } from '../../api.ts';
import { Loaded, Loading, Page } from '../../components/Page.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { formatDate } from '../../format.ts';
import { useApiData, useLocale } from '../../hooks.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { StatusBadge } from './ApplicationParts.tsx';
import { ApplyConfirmation } from './ApplyConfirmation.tsx';
import { ApplyForm, type ApplyPageKey } from './ApplyForm.tsx';
import { applySteps, type Draft, type StepKey, stepTitle } from './applySteps.ts';

/** Applications under way or accepted: with one of these, one does not apply again. */
const activeStatuses: readonly Application['status'][] = [
  'awaiting_approval',
  'pending_review',
  'completion_requested',
  'approved',
];

export function ApplyPage() {
  const { id = '', role: roleParam } = useParams();
  const role = participantRoleSchema.safeParse(roleParam);
  if (!role.success) return <NotFoundPage />;
  return <ApplyAs programmeId={id} role={role.data} />;
}

/**
 * Applying to a programme as adept or mentor: the application already under way, if any; when
 * applying opens, outside the period; else the form in steps, and the confirmation once sent.
 */
function ApplyAs({ programmeId, role }: { programmeId: string; role: ParticipantRole }) {
  const { t } = useTranslation();
  const programme = useApiData(`/api/programmes/${programmeId}`, programmeSchema);
  const rounds = useApiData(`/api/programmes/${programmeId}/rounds`, roundListSchema);
  const mine = useApiData('/api/me/applications', applicationListSchema);
  const [sent, setSent] = useState<{ application: Application; draft: Draft } | null>(null);
  const title = t(`intake.apply.title.${role}`);
  // The confirmation is a new page: focus its heading, as after any navigation.
  useEffect(() => {
    if (sent) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [sent]);

  if (sent && programme.data && rounds.data) {
    return (
      <Page title={t('intake.apply.done.title')}>
        <ApplyConfirmation
          application={sent.application}
          programme={programme.data}
          rounds={rounds.data}
          draft={sent.draft}
        />
      </Page>
    );
  }
  const failure = programme.error ?? rounds.error ?? mine.error;
  if (failure) {
    return (
      <Page title={title}>
        <ProblemMessage problem={failure.problem} />
      </Page>
    );
  }
  if (!programme.data || !rounds.data || !mine.data) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  const p = programme.data;
  const active = mine.data.find(
    (a) => a.programmeId === p.id && a.role === role && activeStatuses.includes(a.status),
  );
  if (active) return <AlreadyApplied programme={p} application={active} title={title} />;
  const period = applicationWindow(p.status, rounds.data, todayInSweden());
  if (period.state !== 'open') return <NotOpen programme={p} rounds={rounds.data} title={title} />;
  return (
    <Steps
      programme={p}
      role={role}
      rounds={rounds.data}
      title={title}
      onSent={(application, draft) => {
        setSent({ application, draft });
        window.scrollTo(0, 0);
      }}
    />
  );
}

function BackToProgramme({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  return (
    <p>
      <Link to={`/programmes/${programme.id}`}>{t('intake.apply.backToProgramme')}</Link>
    </p>
  );
}

/** An application to the programme in this role is under way: its status, not a new form. */
function AlreadyApplied({
  programme,
  application,
  title,
}: {
  programme: Programme;
  application: Application;
  title: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Page title={title} caption={programme.name}>
      <BackToProgramme programme={programme} />
      <section className="card" aria-labelledby="already-heading">
        <h2 id="already-heading">{t('intake.apply.already.title')}</h2>
        <p>
          {t(`intake.apply.already.text.${application.role}`, {
            date: formatDate(application.submittedAt, locale),
          })}{' '}
          <StatusBadge status={application.status} />
        </p>
        <p>{t(`programmes.view.apply.next.${application.status}`)}</p>
        <p>
          <Link to={`/applications/${application.id}`} className="button button-primary">
            {t('intake.apply.already.open')}
          </Link>
        </p>
      </section>
    </Page>
  );
}

/** Outside the application period, or a programme not taking applications: when it opens. */
function NotOpen({ programme, rounds, title }: { programme: Programme; rounds: Round[]; title: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = (value: string) => formatDate(value, locale);
  const period = applicationWindow(programme.status, rounds, todayInSweden());
  let text: string;
  switch (period.state) {
    case 'upcoming':
      text = period.closesOn
        ? t('programmes.view.apply.opensBetween', {
            open: date(period.opensOn),
            close: date(period.closesOn),
          })
        : t('programmes.view.apply.opens', { open: date(period.opensOn) });
      break;
    case 'ended':
      text = period.closedOn
        ? t('programmes.view.apply.closedOn', { date: date(period.closedOn) })
        : t('programmes.view.apply.closed');
      break;
    default:
      text = t('programmes.view.apply.notOpen');
  }
  return (
    <Page title={title} caption={programme.name}>
      <BackToProgramme programme={programme} />
      <div className="notice">
        <p>{text}</p>
      </div>
    </Page>
  );
}

/** The form's steps, one page each in the address (`?step=`), so that Back in the browser goes back a step. */
function Steps({
  programme,
  role,
  rounds,
  title,
  onSent,
}: {
  programme: Programme;
  role: ParticipantRole;
  rounds: Round[];
  title: string;
  onSent(application: Application, draft: Draft): void;
}) {
  const { t } = useTranslation();
  const notice = useApiData(`/api/programmes/${programme.id}/privacy-notice`, privacyNoticeSchema);
  const profile = useApiData('/api/me/profile', profileSchema);
  const [params, setParams] = useSearchParams();
  const steps = applySteps(programme.settings, role);
  const asked = params.get('step');
  const page: ApplyPageKey =
    asked === 'check' || steps.includes(asked as StepKey) ? (asked as ApplyPageKey) : steps[0]!;
  const number = steps.indexOf(page as StepKey) + 1;
  const toField = useRef(false);

  // A new step is a new page: to its top, with focus on its heading (unless a field is asked for).
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!toField.current) {
      window.scrollTo(0, 0);
      document.querySelector<HTMLElement>('main h1')?.focus();
    }
    toField.current = false;
  }, [page]);

  // A missing profile only means there is nothing to start from.
  const profileReady = profile.data !== undefined || profile.error !== undefined;
  return (
    <Page
      title={stepTitle(page, role, t)}
      caption={
        page === 'check'
          ? `${title} – ${programme.name}`
          : t('intake.apply.caption', { title, step: number, count: steps.length })
      }
    >
      {page === steps[0] && (
        <>
          <BackToProgramme programme={programme} />
          <p className="lead">
            {t('intake.apply.introSteps', { programme: programme.name, count: steps.length })}
          </p>
          {programme.settings.eligibility[role].otherCriteria && (
            <p>
              {t('intake.eligibility.otherCriteria', {
                criteria: programme.settings.eligibility[role].otherCriteria,
              })}
            </p>
          )}
        </>
      )}
      <Loaded state={notice}>
        {(n) =>
          profileReady ? (
            <ApplyForm
              programme={programme}
              role={role}
              notice={n}
              rounds={rounds}
              profile={profile.data ?? null}
              page={page}
              onPage={(next, options) => {
                toField.current = options.toField;
                setParams({ step: next }, { replace: options.replace });
              }}
              onDone={onSent}
            />
          ) : (
            <Loading />
          )
        }
      </Loaded>
    </Page>
  );
}
