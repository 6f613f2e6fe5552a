import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { stepSentence } from '../../shared/approval-texts.ts';
import {
  type HomeTasks,
  homeTasksSchema,
  type OpenProgramme,
  type OwnApplicationTask,
  type ProgrammeWork,
  type WaitingGroup,
} from '../../shared/home.ts';
import type { Locale } from '../../shared/roles.ts';
import { withQuery } from '../api.ts';
import { NameList } from '../components/NameList.tsx';
import { Loaded, Page } from '../components/Page.tsx';
import { formatDate } from '../format.ts';
import { useApiData, useLocale } from '../hooks.ts';
import { useViewer, type Viewer } from '../session.tsx';
import { StatusBadge } from './intake/ApplicationParts.tsx';
import {
  MyPairsNext,
  PairDecisionTasks,
  PairFollowUpTasks,
  waitsForDecision,
} from './pairs/plan/HomePairs.tsx';

/** Statuses after which an application waits for nothing more. */
const finished = new Set(['declined', 'rejected', 'withdrawn']);

/** Each role's home page: what waits for the person, per programme, with links straight to the work. */
export function HomePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const tasks = useApiData('/api/me/tasks', homeTasksSchema);
  const firstName = viewer.session.person.name.split(' ')[0] ?? '';
  return (
    <Page title={t('home.greeting', { name: firstName })}>
      {viewer.networkName && <p className="lead">{t('home.network', { network: viewer.networkName })}</p>}
      <Loaded state={tasks}>
        {(all) => <Home viewer={viewer} tasks={inNetwork(all, viewer.networkId)} />}
      </Loaded>
    </Page>
  );
}

function inNetwork(tasks: HomeTasks, networkId: string): HomeTasks {
  return {
    programmes: tasks.programmes.filter((p) => p.networkId === networkId),
    applications: tasks.applications.filter((a) => a.networkId === networkId),
    openProgrammes: tasks.openProgrammes.filter((p) => p.networkId === networkId),
    myPairs: tasks.myPairs.filter((p) => p.networkId === networkId),
    pairFollowUp: tasks.pairFollowUp.filter((p) => p.networkId === networkId),
  };
}

/** Whether a programme has anything for this person to do or follow up. */
function hasWork(p: ProgrammeWork): boolean {
  const r = p.review;
  return (
    p.approvals.count > 0 ||
    (r !== null && r.pendingReview.count + r.completionRequested.count + r.trainingIncomplete.count > 0)
  );
}

function Home({ viewer, tasks }: { viewer: Viewer; tasks: HomeTasks }) {
  const { t } = useTranslation();
  const reviews = viewer.isAdmin || viewer.isCoordinator;
  const applies = !reviews || viewer.hasRole('adept') || viewer.hasRole('mentor');
  const work = tasks.programmes.filter(hasWork);
  const toComplete = tasks.applications.filter((a) => a.status === 'completion_requested');
  const decisions = reviews ? tasks.pairFollowUp.filter(waitsForDecision) : [];
  const nothing = work.length === 0 && toComplete.length === 0 && decisions.length === 0;
  // What waits in a pair is listed in its own section below; the to-do list points there.
  const pairWaits =
    tasks.myPairs.some(
      (p) =>
        (p.status === 'introduced' && p.youMakeContact) ||
        p.startSteps.length > 0 ||
        p.requests.some((r) => r.state === 'to_join') ||
        p.checkinToAnswer ||
        p.cadenceFlagged ||
        p.overdue > 0 ||
        p.dueSoon > 0,
    ) ||
    (reviews &&
      tasks.pairFollowUp.some(
        (p) =>
          p.lowCheckins + p.cadenceFlagged + p.withOverdue + p.changeOfMentorRequests + p.extensionRequests >
          0,
      ));
  return (
    <>
      <section aria-labelledby="home-todo">
        <h2 id="home-todo">{t('home.todo.title')}</h2>
        {nothing && pairWaits ? (
          <p>{t('home.todo.inPairs')}</p>
        ) : nothing ? (
          <p className="empty-state">
            {reviews
              ? t('home.todo.noneReviewer')
              : viewer.hasRole('manager')
                ? t('home.todo.noneManager')
                : t('home.todo.none')}
          </p>
        ) : (
          <>
            <p>{t('home.todo.intro')}</p>
            <ul className="plain-list">
              {toComplete.map((application) => (
                <CompletionTask key={application.id} application={application} />
              ))}
              {work.map((programme) => (
                <ProgrammeTasks key={programme.programmeId} programme={programme} />
              ))}
              <PairDecisionTasks items={decisions} />
            </ul>
          </>
        )}
        {reviews && (
          <p>
            <Link to="/intake">{t('home.todo.allProgrammes')}</Link>
          </p>
        )}
      </section>
      <MyPairsNext pairs={tasks.myPairs} />
      {reviews && <PairFollowUpTasks items={tasks.pairFollowUp} />}
      {tasks.applications.length > 0 && <OwnApplications applications={tasks.applications} />}
      {applies && (
        <OpenProgrammes viewer={viewer} programmes={tasks.openProgrammes} applications={tasks.applications} />
      )}
      {reviews && <Shortcuts viewer={viewer} />}
    </>
  );
}

/** One programme's to-do list: what to review, approve and follow up, each with how many and who. */
function ProgrammeTasks({ programme }: { programme: ProgrammeWork }) {
  const { t } = useTranslation();
  const { programmeId: id, programmeName: name, review, approvals } = programme;
  const intake = (status: string) => withQuery(`/programmes/${id}/intake`, { status });
  return (
    <li className="card task-card">
      <h3>{name}</h3>
      <ul className="task-list">
        {review && review.pendingReview.count > 0 && (
          <Task
            to={intake('pending_review')}
            label={t('home.tasks.review.link', { count: review.pendingReview.count })}
            programme={name}
            group={review.pendingReview}
            who={t('home.tasks.review.who', { count: review.pendingReview.count })}
          />
        )}
        {approvals.count > 0 && (
          <Task
            to="/approvals"
            label={t('home.tasks.approve.link', { count: approvals.count })}
            programme={name}
            group={approvals}
            who={t('home.tasks.approve.who', { count: approvals.count })}
          />
        )}
        {review && review.trainingIncomplete.count > 0 && (
          <Task
            to={withQuery('/pool', { programmeId: id })}
            label={t('home.tasks.training.link', { count: review.trainingIncomplete.count })}
            programme={name}
            group={review.trainingIncomplete}
            who={t('home.tasks.training.who', { count: review.trainingIncomplete.count })}
          />
        )}
        {review && review.completionRequested.count > 0 && (
          <Task
            to={intake('completion_requested')}
            label={t('home.tasks.completion.link', { count: review.completionRequested.count })}
            programme={name}
            group={review.completionRequested}
            who={t('home.tasks.completion.who', { count: review.completionRequested.count })}
          />
        )}
      </ul>
      {review && review.awaitingApproval > 0 && (
        <p className="task-note">
          <Link to={intake('awaiting_approval')}>
            {t('home.tasks.awaitingApproval', { count: review.awaitingApproval })}
            <span className="visually-hidden"> – {name}</span>
          </Link>
        </p>
      )}
    </li>
  );
}

interface TaskProps {
  to: string;
  label: string;
  programme: string;
  group: WaitingGroup;
  /** What the named people wait for, after their names: "väntar på din granskning." */
  who: string;
}

function Task({ to, label, programme, group, who }: TaskProps) {
  return (
    <li className="task">
      <p className="task-title">
        <Link to={to}>
          {label}
          <span className="visually-hidden"> – {programme}</span>
        </Link>
      </p>
      <p className="task-who">
        <NameList
          people={group.first.map((p) => ({
            key: p.applicationId,
            name: p.name,
            to: `/applications/${p.applicationId}`,
          }))}
          total={group.count}
        />{' '}
        {who}
      </p>
    </li>
  );
}

/** The applicant's own to-do: an application sent back for completion, with the reason. */
function CompletionTask({ application }: { application: OwnApplicationTask }) {
  const { t } = useTranslation();
  return (
    <li className="card task-card">
      <h3>{application.programmeName}</h3>
      <p className="task-title">
        <Link to={`/applications/${application.id}`}>{t('home.own.complete')}</Link>
      </p>
      {application.decisionReason && (
        <p className="task-who">{t('home.own.reason', { reason: application.decisionReason })}</p>
      )}
    </li>
  );
}

/** The person's own applications, each with what it waits for now. */
function OwnApplications({ applications }: { applications: OwnApplicationTask[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="home-own">
      <h2 id="home-own">{t('home.own.title')}</h2>
      <ul className="card-list">
        {applications.map((application) => (
          <li key={application.id} className="card">
            <h3>
              <Link to={`/applications/${application.id}`}>
                {t('home.own.heading', {
                  programme: application.programmeName,
                  role: t(`common.roles.${application.role}`).toLowerCase(),
                })}
              </Link>
            </h3>
            <p>
              <StatusBadge status={application.status} />
            </p>
            <p>
              {application.status === 'approved' && application.pairing !== 'none'
                ? t(`home.own.pairing.${application.pairing}.${application.role}`)
                : waitsFor(application, t, locale)}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/applications">{t('home.own.all')}</Link>
      </p>
    </section>
  );
}

/** What an application waits for, in a sentence. */
function waitsFor(application: OwnApplicationTask, t: TFunction, locale: Locale): string {
  const step = application.pendingStep;
  switch (application.status) {
    case 'awaiting_approval': {
      if (!step) return t('home.own.waits.approval');
      // "Väntar på godkännande av kommunens ansvariga chef (Maria Chef), tillfrågad …"
      return stepSentence(
        {
          approverName: step.step.approverName,
          status: 'pending',
          person: step.approverName,
          requestedAt: step.requestedAt,
          decidedAt: null,
        },
        locale,
      );
    }
    case 'pending_review':
      return t('home.own.waits.review');
    case 'completion_requested':
      return t('home.own.waits.you');
    case 'approved':
      return t('home.own.waits.matching');
    default:
      return finished.has(application.status) && application.decisionReason
        ? t('home.own.reason', { reason: application.decisionReason })
        : t('home.own.waits.nothing');
  }
}

/** Programmes taking applications, with their period, and the roles the person can still apply in. */
function OpenProgrammes({
  viewer,
  programmes,
  applications,
}: {
  viewer: Viewer;
  programmes: OpenProgramme[];
  applications: OwnApplicationTask[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const held = (['adept', 'mentor'] as const).filter((role) => viewer.hasRole(role));
  const applyAs = held.length > 0 ? held : (['adept', 'mentor'] as const);
  const applied = (programmeId: string, role: string) =>
    applications.some((a) => a.programmeId === programmeId && a.role === role && !finished.has(a.status));
  return (
    <section aria-labelledby="home-open">
      <h2 id="home-open">{t('home.open.title')}</h2>
      {programmes.length === 0 ? (
        <p>{t('home.open.none')}</p>
      ) : (
        <ul className="card-list">
          {programmes.map((programme) => {
            const roles = applyAs.filter((role) => !applied(programme.id, role));
            return (
              <li key={programme.id} className="card">
                <h3>
                  <Link to={`/programmes/${programme.id}`}>{programme.name}</Link>
                </h3>
                <p>
                  {programme.opensOn
                    ? t('home.open.opensOn', { date: formatDate(programme.opensOn, locale) })
                    : programme.closesOn
                      ? t('home.open.until', { date: formatDate(programme.closesOn, locale) })
                      : t('home.open.always')}
                </p>
                {programme.opensOn ? null : roles.length === 0 ? (
                  <p>{t('home.open.applied')}</p>
                ) : (
                  <p className="form-actions">
                    {roles.map((role) => (
                      <Link
                        key={role}
                        to={`/programmes/${programme.id}/apply/${role}`}
                        className="button button-small"
                      >
                        {t(`intake.apply.as${role === 'adept' ? 'Adept' : 'Mentor'}`)}
                        <span className="visually-hidden"> – {programme.name}</span>
                      </Link>
                    ))}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Shortcuts({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-shortcuts">
      <h2 id="home-shortcuts">{t('home.shortcuts.title')}</h2>
      <ul className="shortcut-list">
        {viewer.isAdmin && (
          <li>
            <Link to="/programmes/new">{t('programmes.new')}</Link>
          </li>
        )}
        <li>
          <Link to="/people/invite">{t('people.invite.action')}</Link>
        </li>
        <li>
          <Link to="/people/import">{t('home.shortcuts.import')}</Link>
        </li>
        <li>
          <Link to="/pool">{t('home.shortcuts.pool')}</Link>
        </li>
        <li>
          <Link to="/matching">{t('matching.nav.board')}</Link>
        </li>
        {viewer.isAdmin && (
          <li>
            <Link to="/outbox">{t('home.shortcuts.outbox')}</Link>
          </li>
        )}
      </ul>
    </section>
  );
}
