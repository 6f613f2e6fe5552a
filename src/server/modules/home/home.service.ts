import { todayInSweden } from '../../../shared/calendar.ts';
import {
  HomeLimits,
  type HomeTasks,
  type OpenProgramme,
  type OwnApplicationTask,
  type ProgrammeWork,
  type WaitingGroup,
} from '../../../shared/home.ts';
import { type Pairing, pairingIn } from '../../../shared/matching.ts';
import type { ProgrammeSettings } from '../../../shared/programme.ts';
import type { Actor } from '../../authz/actor.ts';
import { type ApprovalSubject, authorize, can, visibleOrganisationIds } from '../../authz/policy.ts';
import type { Deps } from '../../deps.ts';
import * as matchingRepo from '../matching/matching.repository.ts';
import { homePairTasks } from '../pairs/plan.service.ts';
import * as repo from './home.repository.ts';

const unique = <T>(values: T[]) => [...new Set(values)];
const emptyGroup = (): WaitingGroup => ({ count: 0, first: [] });

/** The statuses a reviewer is shown: the first two are theirs to act on or follow up. */
const reviewStatuses = ['pending_review', 'completion_requested', 'awaiting_approval'];

/**
 * What waits for the signed-in person, in every network they belong to: per programme what they
 * review and approve, their own applications and what each waits for, where they can apply, and
 * their pairs and the pairs they run (read once, for the applications and the pair tasks). Each part is limited by the same predicates as the list it leads to, so nobody is told of an
 * application they may not open.
 */
export async function tasksFor(deps: Deps, actor: Actor | null): Promise<HomeTasks> {
  const { db } = deps;
  // Only ever about oneself: being signed in is the whole rule.
  authorize(actor, 'read', { type: 'person', personId: actor?.personId ?? '', roles: actor?.roles ?? [] });
  const me = actor!;
  const networkIds = unique(me.roles.map((r) => r.networkId));

  // Who reviews which applications: the intake list's rule (reviewApplications) and scope
  // (visibleOrganisationIds), less the reviewer's own applications, which others decide.
  const reviewNetworks = networkIds.filter((networkId) =>
    can(me, 'reviewApplications', { type: 'programme', networkId }),
  );
  const scope: repo.ReviewScope = { networkIds: [], organisationIds: [], reviewerId: me.personId };
  for (const networkId of reviewNetworks) {
    const visible = visibleOrganisationIds(me, networkId);
    if (visible === 'all') scope.networkIds.push(networkId);
    else scope.organisationIds.push(...visible);
  }

  const [programmes, counts, names, training, approvals, own, pairs, open] = await Promise.all([
    repo.programmesOfNetworks(db, reviewNetworks),
    repo.countApplications(db, scope, reviewStatuses),
    repo.firstApplicants(db, scope, ['pending_review', 'completion_requested'], HomeLimits.namesShown),
    repo.poolMentorTraining(db, scope),
    repo.pendingApprovalsFor(db, {
      email: me.email,
      coordinatedOrganisationIds: me.roles
        .filter((r) => r.role === 'org_coordinator' && r.organisationId)
        .map((r) => r.organisationId as string),
      administeredNetworkIds: me.roles.filter((r) => r.role === 'network_admin').map((r) => r.networkId),
    }),
    repo.ownApplications(db, me.personId),
    matchingRepo.pairsOfPerson(db, me.personId),
    repo.openProgrammesWithRounds(
      db,
      networkIds.filter((networkId) => can(me, 'listProgrammes', { type: 'network', networkId })),
    ),
  ]);

  const work = new Map<string, ProgrammeWork>();
  const entry = (p: { id: string; name: string; networkId: string; status: string }) => {
    let item = work.get(p.id);
    if (!item) {
      item = {
        programmeId: p.id,
        programmeName: p.name,
        networkId: p.networkId,
        programmeStatus: p.status as ProgrammeWork['programmeStatus'],
        review: null,
        approvals: emptyGroup(),
      };
      work.set(p.id, item);
    }
    return item;
  };

  const trainingSteps = new Map<string, string[]>();
  for (const p of programmes) {
    const settings = JSON.parse(p.settings) as ProgrammeSettings;
    trainingSteps.set(
      p.id,
      settings.mentorTraining.steps.map((s) => s.key),
    );
    entry({ id: p.id, name: p.name, networkId: p.network_id, status: p.status }).review = {
      pendingReview: emptyGroup(),
      completionRequested: emptyGroup(),
      awaitingApproval: 0,
      trainingIncomplete: emptyGroup(),
    };
  }
  for (const c of counts) {
    const review = work.get(c.programmeId)?.review;
    if (!review) continue;
    if (c.status === 'pending_review') review.pendingReview.count = c.count;
    else if (c.status === 'completion_requested') review.completionRequested.count = c.count;
    else if (c.status === 'awaiting_approval') review.awaitingApproval = c.count;
  }
  for (const n of names) {
    const review = work.get(n.programme_id)?.review;
    if (!review) continue;
    const group = n.status === 'pending_review' ? review.pendingReview : review.completionRequested;
    group.first.push({ applicationId: n.application_id, name: n.name });
  }

  // A mentor's training is complete when every step the programme asks for has a record.
  const doneSteps = new Map<string, { programmeId: string; name: string; steps: Set<string> }>();
  for (const row of training) {
    const mentor = doneSteps.get(row.application_id) ?? {
      programmeId: row.programme_id,
      name: row.name,
      steps: new Set<string>(),
    };
    if (row.step_key) mentor.steps.add(row.step_key);
    doneSteps.set(row.application_id, mentor);
  }
  for (const [applicationId, mentor] of doneSteps) {
    const required = trainingSteps.get(mentor.programmeId) ?? [];
    const review = work.get(mentor.programmeId)?.review;
    if (!review || required.every((step) => mentor.steps.has(step))) continue;
    add(review.trainingIncomplete, { applicationId, name: mentor.name });
  }

  for (const a of approvals) {
    // The policy has the last word on whom a step asks, and nobody decides on their own application.
    const subject: ApprovalSubject = {
      type: 'approval',
      networkId: a.network_id,
      organisationId: a.organisation_id,
      applicantId: a.applicant_id,
      applicantEmail: a.applicant_email,
      approver: a.approver as ApprovalSubject['approver'],
      approverEmail: a.approver_email,
      organisationHasOtherHr: a.approver === 'hr' && a.organisation_has_other_hr,
    };
    if (!can(me, 'decide', subject)) continue;
    const item = entry({
      id: a.programme_id,
      name: a.programme_name,
      networkId: a.network_id,
      status: a.programme_status,
    });
    add(item.approvals, { applicationId: a.application_id, name: a.name });
  }

  return {
    programmes: [...work.values()].sort(
      (x, y) =>
        x.programmeName.localeCompare(y.programmeName, 'sv') || x.programmeId.localeCompare(y.programmeId),
    ),
    applications: own.map((row) =>
      presentOwn(row, pairingIn(pairsAs(pairs, me.personId), row.programme_id, row.role)),
    ),
    openProgrammes: presentOpen(open, todayInSweden(deps.clock.now())),
    // The pair's year: one's own pairs and their next step, and the pairs one runs.
    ...(await homePairTasks(deps, me, pairs)),
  };
}

function add(group: WaitingGroup, applicant: WaitingGroup['first'][number]) {
  group.count++;
  if (group.first.length < HomeLimits.namesShown) group.first.push(applicant);
}

/** The person's pairs as `pairingIn` reads them, with their part in each. */
const pairsAs = (pairs: { programme_id: string; adept_id: string; status: string }[], personId: string) =>
  pairs.map((p) => ({
    programmeId: p.programme_id,
    role: p.adept_id === personId ? 'adept' : 'mentor',
    status: p.status,
  }));

function presentOwn(
  row: Awaited<ReturnType<typeof repo.ownApplications>>[number],
  pairing: Pairing,
): OwnApplicationTask {
  return {
    id: row.id,
    programmeId: row.programme_id,
    programmeName: row.programme_name,
    networkId: row.network_id,
    role: row.role as OwnApplicationTask['role'],
    status: row.status as OwnApplicationTask['status'],
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    decisionReason: row.decision_reason,
    pairing,
    pendingStep:
      row.approver && row.label
        ? {
            approver: row.approver as NonNullable<OwnApplicationTask['pendingStep']>['approver'],
            step: {
              approverName: JSON.parse(row.label) as { sv: string; en: string },
              description: row.description
                ? (JSON.parse(row.description) as { sv: string; en: string })
                : null,
            },
            approverName: row.approver_account_name ?? row.approver_name,
            requestedAt: row.requested_at,
          }
        : null,
  };
}

/**
 * Open programmes with the period to apply in: a round whose period includes today (as the
 * application form picks its round), else the next one to open. A programme without rounds takes
 * applications all year; one whose every period has passed is left out.
 */
function presentOpen(rows: Awaited<ReturnType<typeof repo.openProgrammesWithRounds>>, on: string) {
  const byProgramme = new Map<string, typeof rows>();
  for (const row of rows) byProgramme.set(row.id, [...(byProgramme.get(row.id) ?? []), row]);
  const result: OpenProgramme[] = [];
  for (const [id, rounds] of byProgramme) {
    const { name, network_id: networkId } = rounds[0]!;
    const withRounds = rounds.filter((r) => r.round_id !== null);
    if (withRounds.length === 0) {
      result.push({ id, name, networkId, opensOn: null, closesOn: null });
      continue;
    }
    const current = withRounds
      .filter(
        (r) =>
          (r.applications_open_on === null || r.applications_open_on <= on) &&
          (r.applications_close_on === null || r.applications_close_on >= on) &&
          (r.ends_on === null || r.ends_on >= on),
      )
      .sort((x, y) =>
        (x.applications_close_on ?? '9999').localeCompare(y.applications_close_on ?? '9999'),
      )[0];
    if (current) {
      result.push({ id, name, networkId, opensOn: null, closesOn: current.applications_close_on });
      continue;
    }
    const next = withRounds
      .filter((r) => r.applications_open_on !== null && r.applications_open_on > on)
      .sort((x, y) => x.applications_open_on!.localeCompare(y.applications_open_on!))[0];
    if (next) {
      result.push({
        id,
        name,
        networkId,
        opensOn: next.applications_open_on,
        closesOn: next.applications_close_on,
      });
    }
  }
  return result;
}
