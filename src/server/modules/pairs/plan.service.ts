import { DateTime } from 'luxon';
import { todayInSweden } from '../../../shared/calendar.ts';
import { formatDate, localized } from '../../../shared/format.ts';
import type { MyPairTask, PairFollowUpTask, StartStep } from '../../../shared/home.ts';
import { currentPairStatuses, type PairStatus } from '../../../shared/matching.ts';
import {
  type Cadence,
  type FollowUp,
  type FollowUpPair,
  type PairPlan,
  PlanLimits,
  type PlanMilestone,
} from '../../../shared/pair-plan.ts';
import type { Milestone } from '../../../shared/programme.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { authorize, runsPair } from '../../authz/policy.ts';
import type { Queryable } from '../../db/connection.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import * as matchingRepo from '../matching/matching.repository.ts';
import { confidentialityVersion } from './lifecycle-texts.ts';
import { claimNotice } from './pair.repository.ts';
import {
  type LoadedPair,
  loadPairs,
  type PairContext,
  pairFor,
  planStartOf,
  todayOf,
} from './pair-access.ts';
import * as repo from './plan.repository.ts';
import {
  dueReminders,
  milestoneStatus,
  type PlannedMilestone,
  planMilestones,
  type ReminderKind,
} from './process-plan.ts';

/**
 * The pair's process plan: the programme's milestones as the pair's checklist, with deadlines counted
 * from the pair's start, completed by a party's tick or by facts read from the other parts' tables
 * (a held meeting, both signatures, both check-in answers, the pair closed); the cadence watch; the
 * reminders job; the coordinator's follow-up of a programme's pairs. Metadata only.
 *
 * The participant category of `onlyFor` milestones (the union's "ordinary members only") is the
 * adept's answer to the programme's application question the milestone names (`onlyForAnswer`).
 */

const watchedStatuses: PairStatus[] = ['first_meeting_held', 'active', 'ending'];
const isCurrent = (status: PairStatus) => (currentPairStatuses as readonly string[]).includes(status);

export interface PlanFacts {
  meetings: repo.HeldMeeting[];
  done: Map<string, { at: string; byName: string | null }>;
  /** Agreements signed by both in their current version, with when the second signed. */
  signedBoth: Map<string, string>;
  /** Who has said yes (`acceptance`) or signed each agreement in its current version, by role. */
  signedBy: Map<string, Set<string>>;
  checkins: Awaited<ReturnType<typeof repo.checkins>>;
  answers: Record<string, unknown>;
  openRequests: number;
  openRequestsByKind: Record<string, number>;
  /** The open requests themselves: who asked, and whether the other has joined (an extension). */
  requests: Awaited<ReturnType<typeof repo.openRequests>>;
}

/** Reads what the plans of these pairs depend on, in a few queries for all of them. */
export async function factsOf(db: Queryable, pairs: LoadedPair[]): Promise<Map<string, PlanFacts>> {
  const ids = pairs.map((p) => p.pair.id);
  const [meetings, done, signatures, checkins, requests, answers] = await Promise.all([
    repo.heldMeetings(db, ids),
    repo.doneMilestones(db, ids),
    repo.agreementSignatures(db, ids),
    repo.checkins(db, ids),
    repo.openRequests(db, ids),
    repo.answersOf(
      db,
      pairs.map((p) => p.adept.applicationId),
    ),
  ]);
  const facts = new Map<string, PlanFacts>();
  for (const p of pairs) {
    const answer = answers.get(p.adept.applicationId);
    facts.set(p.pair.id, {
      meetings: [],
      done: new Map(),
      signedBoth: new Map(),
      signedBy: new Map(),
      checkins: [],
      answers: answer && typeof answer === 'object' ? (answer as Record<string, unknown>) : {},
      openRequests: 0,
      openRequestsByKind: {},
      requests: [],
    });
  }
  for (const m of meetings) facts.get(m.pair_id)?.meetings.push(m);
  for (const d of done) {
    facts.get(d.pair_id)?.done.set(d.milestone_key, { at: d.done_at, byName: d.done_by_name ?? null });
  }
  const signedBy = new Map<string, { roles: Set<string>; last: string }>();
  const settingsOf = new Map(pairs.map((p) => [p.pair.id, p.settings]));
  for (const s of signatures) {
    // A signature counts for the text as it stands: the contract's stored answers, the programme's
    // confidentiality text (the pair's copy of the settings). Saying yes has no text.
    const settings = settingsOf.get(s.pair_id);
    const current =
      s.kind === 'confidentiality' && settings ? confidentialityVersion(settings) : s.current_version;
    if (s.kind !== 'acceptance' && s.text_version !== current) continue;
    const id = `${s.pair_id}\u0000${s.kind}`;
    const entry = signedBy.get(id) ?? { roles: new Set<string>(), last: '' };
    entry.roles.add(s.role);
    if (s.signed_at > entry.last) entry.last = s.signed_at;
    signedBy.set(id, entry);
  }
  for (const [id, entry] of signedBy) {
    const [pairId, kind] = id.split('\u0000') as [string, string];
    facts.get(pairId)?.signedBy.set(kind, entry.roles);
    if (kind !== 'acceptance' && entry.roles.has('adept') && entry.roles.has('mentor'))
      facts.get(pairId)?.signedBoth.set(kind, entry.last);
  }
  for (const c of checkins) facts.get(c.pair_id)?.checkins.push(c);
  for (const r of requests) {
    const f = facts.get(r.pair_id);
    if (!f) continue;
    f.requests.push(r);
    f.openRequests += 1;
    f.openRequestsByKind[r.kind] = (f.openRequestsByKind[r.kind] ?? 0) + 1;
  }
  return facts;
}

/** When a fact completed the milestone, or null. */
function completedAt(completesOn: Milestone['completesOn'], p: LoadedPair, facts: PlanFacts): string | null {
  switch (completesOn) {
    case 'first_meeting_held':
      if (facts.meetings[0]) return facts.meetings[0].held_at;
      // A pair moved on by its lifecycle without a logged meeting has met all the same.
      return ['first_meeting_held', 'active', 'ending', 'closed'].includes(p.status)
        ? (p.pair.active_since ?? p.pair.updated_at)
        : null;
    case 'contract_signed':
      return facts.signedBoth.get('contract') ?? null;
    case 'confidentiality_signed':
      return facts.signedBoth.get('confidentiality') ?? null;
    case 'checkin_answered': {
      const roles = new Set(facts.checkins.map((c) => c.role));
      if (!roles.has('adept') || !roles.has('mentor')) return null;
      return (
        facts.checkins
          .map((c) => c.created_at)
          .sort()
          .at(-1) ?? null
      );
    }
    case 'pair_closed':
      return p.status === 'closed' ? (p.pair.closed_at ?? p.pair.updated_at) : null;
    default:
      return null;
  }
}

function planned(
  p: LoadedPair,
  facts: PlanFacts,
): { milestones: PlannedMilestone[]; byKey: Map<string, Milestone> } {
  const plan = p.settings.processPlan;
  const milestones = planMilestones(plan, {
    pairStart: planStartOf(p.pair),
    participantCategory: null,
    answers: facts.answers,
  });
  return { milestones, byKey: new Map(plan.map((m) => [m.key, m])) };
}

/** When each milestone was done (a fact first, then a tick), by key. */
function doneAtOf(
  p: LoadedPair,
  facts: PlanFacts,
  milestones: PlannedMilestone[],
  byKey: Map<string, Milestone>,
) {
  const result: Record<string, { at: string; byName: string | null; automatic: boolean } | null> = {};
  for (const m of milestones) {
    const fact = completedAt(byKey.get(m.key)?.completesOn ?? null, p, facts);
    const tick = facts.done.get(m.key);
    result[m.key] = fact
      ? { at: fact, byName: null, automatic: true }
      : tick
        ? { at: tick.at, byName: tick.byName, automatic: false }
        : null;
  }
  return result;
}

export function cadenceOf(p: LoadedPair, facts: PlanFacts, today: string): Cadence {
  const maxWeeks = p.settings.cadence.meetingEveryWeeksMax;
  const last = facts.meetings.at(-1);
  const lastMeetingOn = last ? todayInSweden(new Date(last.starts_at)) : null;
  const since = lastMeetingOn ?? p.pair.active_since ?? planStartOf(p.pair);
  const days = Math.max(
    0,
    Math.round(
      DateTime.fromISO(today, { zone: 'UTC' }).diff(
        DateTime.fromISO(since.slice(0, 10), { zone: 'UTC' }),
        'days',
      ).days,
    ),
  );
  return {
    maxWeeks,
    lastMeetingOn,
    daysSinceLastMeeting: days,
    flagged: watchedStatuses.includes(p.status) && days > maxWeeks * 7,
  };
}

/**
 * Milestones only a fact completes: the signatures when the programme has that agreement in the app,
 * the check-in, the closing. A first meeting may have been a call nobody logged: that one can be ticked.
 */
function onlyByFact(completesOn: Milestone['completesOn'], settings: LoadedPair['settings']): boolean {
  switch (completesOn) {
    case 'contract_signed':
      return settings.documents.contract;
    case 'confidentiality_signed':
      return settings.documents.confidentialityAgreement;
    case 'checkin_answered':
    case 'pair_closed':
      return true;
    default:
      return false;
  }
}

/** The pair's plan as the caller sees it (after `read` was authorized). */
export function presentPlan(
  p: LoadedPair,
  facts: PlanFacts,
  today: string,
  viewer: { isParty: boolean },
): PairPlan {
  const { milestones, byKey } = planned(p, facts);
  const doneAt = doneAtOf(p, facts, milestones, byKey);
  const meetingsHeld = facts.meetings.length;
  const current = isCurrent(p.status);
  const items: PlanMilestone[] = milestones.map((m) => {
    const done = doneAt[m.key] ?? null;
    const status = milestoneStatus(m, { today, doneAt: done?.at ?? null, meetingsHeld });
    return {
      key: m.key,
      title: m.title,
      roles: m.roles,
      anchor: m.anchor,
      dueDate: m.dueDate,
      // A pair ended otherwise than by closing (a change of mentor, a cancellation, a decline) is asked
      // nothing more: what was left undone is not late. A closed pair still has its evaluations.
      status: current || p.status === 'closed' || status === 'done' ? status : 'open',
      completesOn: byKey.get(m.key)?.completesOn ?? null,
      done,
      canMark:
        viewer.isParty && current && !done && !onlyByFact(byKey.get(m.key)?.completesOn ?? null, p.settings),
      canUndo: viewer.isParty && current && !!done && !done.automatic,
    };
  });
  return {
    pairId: p.pair.id,
    status: p.status,
    startsOn: planStartOf(p.pair),
    today,
    meetingsHeld,
    milestones: items,
    counts: countsOf(items),
    cadence: cadenceOf(p, facts, today),
    isParty: viewer.isParty,
  };
}

function countsOf(items: { status: string }[]) {
  return {
    total: items.length,
    done: items.filter((m) => m.status === 'done').length,
    dueSoon: items.filter((m) => m.status === 'due_soon').length,
    overdue: items.filter((m) => m.status === 'overdue').length,
  };
}

export async function getPlan(deps: Deps, actor: Actor | null, pairId: string): Promise<PairPlan> {
  const ctx = await pairFor(deps.db, actor, pairId, 'read');
  const facts = (await factsOf(deps.db, [ctx])).get(ctx.pair.id)!;
  return presentPlan(ctx, facts, todayOf(deps), { isParty: ctx.role !== null });
}

async function milestoneFor(deps: Deps, ctx: PairContext, key: string) {
  const facts = (await factsOf(deps.db, [ctx])).get(ctx.pair.id)!;
  const plan = presentPlan(ctx, facts, todayOf(deps), { isParty: true });
  const milestone = plan.milestones.find((m) => m.key === key);
  if (!milestone) throw notFound();
  if (!isCurrent(ctx.status))
    throw new AppError('conflict', [{ field: 'key', message: 'plan_pair_not_running' }]);
  return milestone;
}

/** A party ticks a milestone off (again: nothing changes). */
export async function markMilestone(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  key: string,
): Promise<PairPlan> {
  const ctx = await pairFor(deps.db, actor, pairId, 'participate');
  const milestone = await milestoneFor(deps, ctx, key);
  if (!milestone.done && !milestone.canMark) {
    throw new AppError('conflict', [{ field: 'key', message: 'plan_by_fact_only' }]);
  }
  if (!milestone.done) {
    await repo.markDone(deps.db, { pairId, key, at: deps.clock.now().toISOString(), by: actor!.personId });
  }
  return getPlan(deps, actor, pairId);
}

/** A party undoes their tick; what a fact completed stays done. */
export async function undoMilestone(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  key: string,
): Promise<PairPlan> {
  const ctx = await pairFor(deps.db, actor, pairId, 'participate');
  const milestone = await milestoneFor(deps, ctx, key);
  if (milestone.done?.automatic) {
    throw new AppError('conflict', [{ field: 'key', message: 'plan_done_by_fact' }]);
  }
  await repo.undoDone(deps.db, pairId, key);
  return getPlan(deps, actor, pairId);
}

// --- The coordinator's follow-up ------------------------------------------------------------------------

/**
 * All pairs of a programme (or one round) that the caller runs (administrators: the network's;
 * coordinators: pairs with a party of their organisation), with their health: status, milestones,
 * cadence, check-in ratings, open requests. Metadata only.
 */
export async function followUp(
  deps: Deps,
  actor: Actor | null,
  programmeId: string,
  query: { roundId?: string; organisationId?: string },
): Promise<FollowUp> {
  if (!actor) throw new AppError('unauthenticated');
  const programme = await repo.findProgramme(deps.db, programmeId);
  if (!programme) throw notFound();
  authorize(actor, 'readMatching', { type: 'programme', networkId: programme.network_id });
  const ids = await repo.pairIdsOfProgramme(deps.db, programmeId, query.roundId);
  const loaded = (await loadPairs(deps.db, ids)).filter((p) => runsPair(actor, p.subject));
  const organisations = new Map<string, string>();
  for (const p of loaded) {
    organisations.set(p.adept.organisationId, p.adept.organisationName);
    organisations.set(p.mentor.organisationId, p.mentor.organisationName);
  }
  const shown = query.organisationId
    ? loaded.filter((p) => p.subject.organisationIds.includes(query.organisationId!))
    : loaded;
  const facts = await factsOf(deps.db, shown);
  const today = todayOf(deps);
  const pairs: FollowUpPair[] = shown.map((p) => {
    const f = facts.get(p.pair.id)!;
    const plan = presentPlan(p, f, today, { isParty: false });
    return {
      id: p.pair.id,
      status: p.status,
      roundId: p.pair.round_id,
      adept: {
        name: p.adept.name,
        organisationId: p.adept.organisationId,
        organisation: p.adept.organisationName,
      },
      mentor: {
        name: p.mentor.name,
        organisationId: p.mentor.organisationId,
        organisation: p.mentor.organisationName,
      },
      startsOn: plan.startsOn,
      counts: plan.counts,
      overdue: plan.milestones
        .filter((m) => m.status === 'overdue')
        .map((m) => ({ key: m.key, title: m.title })),
      meetingsHeld: plan.meetingsHeld,
      cadence: plan.cadence,
      checkin: f.checkins.map((c) => ({
        role: c.role as 'adept' | 'mentor',
        rating: c.rating,
        low: c.rating <= PlanLimits.lowRatingMax,
      })),
      openRequests: f.openRequests,
    };
  });
  return {
    programme: { id: programme.id, name: programme.name },
    today,
    rounds: await repo.roundsOf(deps.db, programmeId),
    organisations: [...organisations]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    pairs,
  };
}

// --- Reminders and the cadence watch ----------------------------------------------------------------------

const noticeKey = (key: string, kind: ReminderKind) =>
  `milestone:${key}:${kind === 'before_deadline' ? 'before' : 'after'}`;

/**
 * Mails the responsible parties before a milestone's deadline and after it passes, once each, and
 * the pair when it has gone longer than the programme's longest interval without a held meeting,
 * once per lapse. The notice is claimed first (a unique key), in the same transaction as the mails,
 * so two instances running at once send each one once.
 */
export async function runPlanReminders(deps: Deps): Promise<number> {
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  let sent = 0;
  const ids = await repo.currentPairIds(deps.db);
  for (let i = 0; i < ids.length; i += REMINDER_BATCH) {
    const batch = await loadPairs(deps.db, ids.slice(i, i + REMINDER_BATCH));
    const batchFacts = await factsOf(deps.db, batch);
    for (const p of batch) sent += await remindPair(deps, p, batchFacts.get(p.pair.id)!, today, now);
  }
  return sent;
}

/** Pairs the reminder job loads at a time. */
const REMINDER_BATCH = 200;

async function remindPair(
  deps: Deps,
  p: LoadedPair,
  facts: PlanFacts,
  today: string,
  now: string,
): Promise<number> {
  const pairId = p.pair.id;
  let sent = 0;
  const { milestones, byKey } = planned(p, facts);
  const doneAt = doneAtOf(p, facts, milestones, byKey);
  const already = await repo.noticesOf(deps.db, pairId);
  const sentBefore: { milestoneKey: string; kind: ReminderKind }[] = [];
  for (const m of milestones) {
    for (const kind of ['before_deadline', 'after_deadline'] as const) {
      if (already.has(noticeKey(m.key, kind))) sentBefore.push({ milestoneKey: m.key, kind });
    }
  }
  const reminders = dueReminders(milestones, {
    today,
    meetingsHeld: facts.meetings.length,
    doneAt: Object.fromEntries(Object.entries(doneAt).map(([k, v]) => [k, v?.at ?? null])),
    sent: sentBefore,
  });
  for (const reminder of reminders) {
    const milestone = milestones.find((m) => m.key === reminder.milestoneKey)!;
    await deps.db.transaction().execute(async (trx) => {
      if (!(await claimNotice(trx, pairId, noticeKey(reminder.milestoneKey, reminder.kind), now))) return;
      for (const person of await responsible(trx, p, reminder.roles)) {
        await deps.mailer.enqueue(trx, {
          kind: reminder.kind === 'before_deadline' ? 'plan_due_soon' : 'plan_overdue',
          to: person.email,
          locale: person.locale,
          networkId: p.pair.network_id,
          params: {
            programme: p.pair.programme_name,
            milestone: localized(milestone.title, person.locale),
            due: milestone.dueDate ? formatDate(milestone.dueDate, person.locale) : null,
            link: `${deps.config.publicUrl}/pairs/${pairId}`,
          },
        });
        sent++;
      }
    });
  }

  const cadence = cadenceOf(p, facts, today);
  if (cadence.flagged) {
    const since = cadence.lastMeetingOn ?? p.pair.active_since ?? planStartOf(p.pair);
    await deps.db.transaction().execute(async (trx) => {
      if (!(await claimNotice(trx, pairId, `cadence:${since.slice(0, 10)}`, now))) return;
      for (const [me, other] of [
        [p.adept, p.mentor],
        [p.mentor, p.adept],
      ] as const) {
        await deps.mailer.enqueue(trx, {
          kind: 'plan_cadence',
          to: me.email,
          locale: me.locale,
          networkId: p.pair.network_id,
          params: {
            programme: p.pair.programme_name,
            other: other.name,
            weeks: cadence.maxWeeks,
            lastMeeting: cadence.lastMeetingOn ? formatDate(cadence.lastMeetingOn, me.locale) : null,
            link: `${deps.config.publicUrl}/pairs/${pairId}/meetings`,
          },
        });
        sent++;
      }
    });
  }
  return sent;
}

/**
 * Who a reminder goes to: the adept and the mentor when the plan names them; a milestone of the
 * adept's manager goes to the adept (who holds the conversation); one of the coordinator's to the
 * coordinators of the adept's organisation.
 */
async function responsible(db: Queryable, p: LoadedPair, roles: readonly string[]) {
  const people: { email: string; locale: Locale }[] = [];
  if (roles.includes('adept') || roles.includes('manager')) people.push(p.adept);
  if (roles.includes('mentor')) people.push(p.mentor);
  if (roles.includes('coordinator')) {
    for (const c of await matchingRepo.coordinatorsOf(db, p.pair.network_id, p.adept.organisationId)) {
      people.push({ email: c.email, locale: c.locale === 'en' ? 'en' : 'sv' });
    }
  }
  return people;
}

// --- Home pages ---------------------------------------------------------------------------------------------

const statusOrder: Record<string, number> = { overdue: 0, due_soon: 1, open: 2, done: 3 };

/**
 * What the pair's year puts on the home page: for a party, each current pair with its next step
 * (the most pressing milestone, the check-in to answer, the cadence flag); for those who run pairs,
 * per programme how many pairs need a look. Counted only over pairs the caller may see.
 */
export async function homePairTasks(
  deps: Deps,
  actor: Actor,
  ownPairs: { id: string; status: string }[],
): Promise<{ myPairs: MyPairTask[]; pairFollowUp: PairFollowUpTask[] }> {
  const today = todayOf(deps);
  const own = ownPairs.filter((p) => isCurrent(p.status as PairStatus));
  const mine = await loadPairs(
    deps.db,
    own.map((row) => row.id),
  );
  const runNetworks = [
    ...new Set(
      actor.roles
        .filter((r) => r.role === 'network_admin' || r.role === 'org_coordinator')
        .map((r) => r.networkId),
    ),
  ];
  const run = (await loadPairs(deps.db, await repo.currentPairIdsInNetworks(deps.db, runNetworks))).filter(
    (p) => runsPair(actor, p.subject),
  );
  const facts = await factsOf(deps.db, [...mine, ...run]);

  const myPairs: MyPairTask[] = mine.map((p) => {
    const f = facts.get(p.pair.id)!;
    const role = p.pair.adept_id === actor.personId ? 'adept' : 'mentor';
    const plan = presentPlan(p, f, today, { isParty: true });
    const next = plan.milestones
      .filter((m) => m.status !== 'done')
      .sort(
        (a, b) =>
          statusOrder[a.status]! - statusOrder[b.status]! ||
          (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
      )[0];
    return {
      pairId: p.pair.id,
      programmeId: p.pair.programme_id,
      programmeName: p.pair.programme_name,
      networkId: p.pair.network_id,
      role,
      otherName: role === 'adept' ? p.mentor.name : p.adept.name,
      status: p.status,
      nextMilestone: next
        ? { key: next.key, title: next.title, dueDate: next.dueDate, status: next.status }
        : null,
      dueSoon: plan.counts.dueSoon,
      overdue: plan.counts.overdue,
      checkinToAnswer: checkinDueFor(p, f, role),
      cadenceFlagged: plan.cadence.flagged,
      youMakeContact: p.settings.matching.firstContact === role,
      requests: requestsFor(f, actor.personId),
      startSteps: startStepsFor(p, f, role),
    };
  });

  const byProgramme = new Map<string, PairFollowUpTask>();
  for (const p of run) {
    const f = facts.get(p.pair.id)!;
    const plan = presentPlan(p, f, today, { isParty: false });
    let task = byProgramme.get(p.pair.programme_id);
    if (!task) {
      task = {
        programmeId: p.pair.programme_id,
        programmeName: p.pair.programme_name,
        networkId: p.pair.network_id,
        pairs: 0,
        lowCheckins: 0,
        cadenceFlagged: 0,
        withOverdue: 0,
        changeOfMentorRequests: 0,
        extensionRequests: 0,
      };
      byProgramme.set(p.pair.programme_id, task);
    }
    task.pairs++;
    if (f.checkins.some((c) => c.rating <= PlanLimits.lowRatingMax)) task.lowCheckins++;
    if (plan.cadence.flagged) task.cadenceFlagged++;
    if (plan.counts.overdue > 0) task.withOverdue++;
    task.changeOfMentorRequests += f.openRequestsByKind.change_of_mentor ?? 0;
    task.extensionRequests += f.openRequestsByKind.extension ?? 0;
  }
  return {
    myPairs,
    pairFollowUp: [...byProgramme.values()].sort((a, b) =>
      a.programmeName.localeCompare(b.programmeName, 'sv'),
    ),
  };
}

/** The programme's check-in: the milestone a check-in completes, and the meeting it follows. */
export function checkinConfig(p: LoadedPair): { applies: boolean; afterMeeting: number | null } {
  const milestone = p.settings.processPlan.find((m) => m.completesOn === 'checkin_answered');
  if (!milestone) return { applies: false, afterMeeting: null };
  return {
    applies: true,
    afterMeeting: milestone.anchor?.kind === 'meeting' ? milestone.anchor.number : null,
  };
}

/** The check-in can be answered: the programme has one, the pair is under way, enough meetings held. */
export function checkinOpen(p: LoadedPair, facts: PlanFacts): boolean {
  const config = checkinConfig(p);
  return (
    config.applies &&
    watchedStatuses.includes(p.status) &&
    facts.meetings.length >= (config.afterMeeting ?? 0)
  );
}

/**
 * A party's open requests as they concern them: a change of mentor they asked for (never the other's:
 * its reason and its existence are for the coordinator); an extension the other asked for and they
 * have not joined; one they asked for that waits for the other; one both asked for, with the
 * coordinator.
 */
function requestsFor(f: PlanFacts, personId: string): MyPairTask['requests'] {
  const out: MyPairTask['requests'] = [];
  for (const r of f.requests) {
    const mine = r.requested_by === personId;
    if (r.kind === 'change_of_mentor') {
      if (mine) out.push({ kind: 'change_of_mentor', state: 'with_coordinator' });
    } else if (r.kind === 'extension') {
      out.push({
        kind: 'extension',
        state: r.seconded_at ? 'with_coordinator' : mine ? 'other_to_join' : 'to_join',
      });
    }
  }
  return out;
}

/**
 * After the first meeting, what this party has still to do before the mentorship starts (seed 004:
 * both say yes, and sign the contract and the confidentiality agreement where the programme has them).
 * Before the first meeting the introduction's first contact comes first, so nothing is listed.
 */
function startStepsFor(p: LoadedPair, f: PlanFacts, role: 'adept' | 'mentor'): StartStep[] {
  if (p.status !== 'first_meeting_held') return [];
  const done = (kind: string) => f.signedBy.get(kind)?.has(role) ?? false;
  const steps: StartStep[] = [];
  if (!done('acceptance')) steps.push('accept');
  if (p.settings.documents.contract && !done('contract')) steps.push('contract');
  if (p.settings.documents.confidentialityAgreement && !done('confidentiality'))
    steps.push('confidentiality');
  return steps;
}

function checkinDueFor(p: LoadedPair, f: PlanFacts, role: 'adept' | 'mentor'): boolean {
  return checkinOpen(p, f) && !f.checkins.some((c) => c.role === role);
}
