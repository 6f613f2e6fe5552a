import type { z } from 'zod';
import { todayInSweden } from '../../../shared/calendar.ts';
import type { ProfileBasics } from '../../../shared/intake.ts';
import type {
  adeptBodySchema,
  BoardPair,
  Candidates,
  CriterionPoints,
  decisionBodySchema,
  HardConstraintCode,
  MatchingBoard,
  MatchingDecision,
  MatchingRun,
  MatchPerson,
  MentorCapacity,
  PairStatus,
  Proposal,
  PublishResult,
  SwapPreview,
} from '../../../shared/matching.ts';
import { currentPairStatuses } from '../../../shared/matching.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { authorize, can, isNetworkAdmin } from '../../authz/policy.ts';
import type { Db, Queryable } from '../../db/connection.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../util.ts';
import { parseSettings } from '../applications/applications.presenter.ts';
import { recordAudit } from '../privacy/audit.ts';
import {
  findProgramme,
  findRound,
  listRounds,
  type ProgrammeRow,
} from '../programmes/programmes.repository.ts';
import type { ExplanationReason, MatchingInput, MatchingRunResult, MentorRanking } from './engine/index.ts';
import {
  criteria,
  defaultScoreWeights,
  hashInput as hashOf,
  haversineKm,
  MatchingProfileError,
  rankMentors,
  renderReason,
  runMatching,
} from './engine/index.ts';
import { buildSnapshot, isCohort, type Participant, type Snapshot } from './matching.input.ts';
import * as repo from './matching.repository.ts';
import { effectiveStatus, startRun } from './matching.runner.ts';
import { matchingTexts } from './matching.texts.ts';
import { introducePair } from './pairs.service.ts';

/**
 * The coordinator's matching board: runs of the engine per programme round, what each caller may see of
 * them, the board's decisions (lock, forbid, swap by hand), one adept's candidates, re-matching one
 * adept, and publishing proposals as introduced pairs. Administrators see everything in their network;
 * coordinators what involves their own organisations' people.
 */

type DecisionInput = z.infer<typeof decisionBodySchema>;

// --- Loading with access checks ----------------------------------------------------------------------------

async function loadProgramme(
  db: Queryable,
  actor: Actor | null,
  programmeId: string,
  action: 'readMatching' | 'runMatching',
) {
  const programme = await findProgramme(db, programmeId);
  if (!programme) throw notFound();
  authorize(actor, action, { type: 'programme', networkId: programme.network_id });
  return { programme, settings: parseSettings(programme.settings) };
}

/** The round a cohort programme's board is about: the one named, else the latest; null for the others. */
async function resolveRound(
  db: Queryable,
  programme: ProgrammeRow,
  roundId: string | null | undefined,
): Promise<{ id: string; name: string } | null> {
  if (!isCohort(parseSettings(programme.settings))) return null;
  if (roundId) {
    const round = await findRound(db, roundId);
    if (!round || round.programme_id !== programme.id)
      throw AppError.validation('roundId', 'not_in_programme');
    return { id: round.id, name: round.name };
  }
  const rounds = await listRounds(db, programme.id);
  const latest = [...rounds].sort((a, b) => (a.starts_on < b.starts_on ? 1 : -1))[0];
  return latest ? { id: latest.id, name: latest.name } : null;
}

async function loadRun(db: Queryable, actor: Actor | null, runId: string) {
  const run = await repo.findRun(db, runId);
  if (!run) throw notFound();
  const { programme, settings } = await loadProgramme(db, actor, run.programme_id, 'readMatching');
  return { run, programme, settings };
}

const proposalSubject = (networkId: string, people: { id: string; organisation: { id: string } }[]) => ({
  type: 'proposal' as const,
  networkId,
  personIds: people.map((p) => p.id),
  organisationIds: [...new Set(people.map((p) => p.organisation.id))],
});

/** What the caller may see of proposals, pairs and people: all, or those of their organisations. */
function viewFor(actor: Actor, networkId: string) {
  return {
    network: isNetworkAdmin(actor, networkId),
    sees: (...people: { id: string; organisation: { id: string } }[]) =>
      can(actor, 'read', proposalSubject(networkId, people)),
  };
}

// --- Naming people -----------------------------------------------------------------------------------------

async function directoryOf(
  db: Queryable,
  programmeId: string,
  ids: string[],
): Promise<Map<string, MatchPerson>> {
  const { fromApplications, accounts } = await repo.directory(db, programmeId, ids);
  const people = new Map<string, MatchPerson>();
  for (const row of fromApplications) {
    if (people.has(row.person_id)) continue;
    const basics = JSON.parse(row.profile_basics ?? row.basics) as ProfileBasics;
    people.set(row.person_id, {
      id: row.person_id,
      name: row.name,
      title: basics.title || null,
      managementLevel: basics.managementLevel,
      organisation: { id: row.organisation_id, name: row.organisation_name },
    });
  }
  for (const account of accounts) {
    people.set(account.id, {
      id: account.id,
      name: account.name,
      title: account.title,
      managementLevel: null,
      organisation: { id: '', name: '' },
    });
  }
  return people;
}

const fromParticipant = (p: Participant): MatchPerson => ({
  id: p.id,
  name: p.name,
  title: p.basics.title || null,
  managementLevel: p.basics.managementLevel,
  organisation: { id: p.organisationId, name: p.organisationName },
});

const unknownPerson = (id: string): MatchPerson => ({
  id,
  name: '–',
  title: null,
  managementLevel: null,
  organisation: { id: '', name: '' },
});

// --- Presenting ----------------------------------------------------------------------------------------------

const round1 = (x: number) => Math.round(x * 10) / 10;
const toDisplay = (score: number, maxScore: number) =>
  maxScore === 0 ? 0 : round1((score * 100) / maxScore);

function breakdownOf(
  breakdown: Record<string, number>,
  input: MatchingInput,
  maxScore: number,
): CriterionPoints[] {
  const weights = input.weights ?? defaultScoreWeights;
  return criteria.map((criterion) => ({
    criterion,
    points: toDisplay(breakdown[criterion] ?? 0, maxScore),
    maxPoints: toDisplay(weights[criterion], maxScore),
  }));
}

function distanceOf(input: MatchingInput, adeptOrg: string, mentorOrg: string): number | null {
  const a = input.organisations.find((o) => o.id === adeptOrg);
  const b = input.organisations.find((o) => o.id === mentorOrg);
  if (!a || !b) return null;
  const km = haversineKm(a, b);
  return Number.isFinite(km) ? round1(km) : null;
}

function sentences(
  reasons: ExplanationReason[] | undefined,
  locale: Locale,
  nameOf: (id: string) => string,
): string[] {
  return (reasons ?? []).filter((r) => r.code !== 'criterion').map((r) => renderReason(r, locale, nameOf));
}

interface RunContext {
  db: Queryable;
  actor: Actor;
  locale: Locale;
  /** The moment of reading (an ISO instant): a run that stopped reporting long before is shown failed. */
  now: string;
  networkId: string;
  snapshot: Snapshot;
  decisions: repo.DecisionRow[];
  pairs: repo.PairRow[];
}

async function presentRun(ctx: RunContext, run: repo.RunRow): Promise<MatchingRun> {
  const status = effectiveStatus(run, ctx.now);
  const view = viewFor(ctx.actor, ctx.networkId);
  const base: MatchingRun = {
    id: run.id,
    programmeId: run.programme_id,
    roundId: run.round_id,
    kind: run.kind as MatchingRun['kind'],
    status,
    progress:
      status === 'running' && run.progress_phase
        ? {
            phase: run.progress_phase as NonNullable<MatchingRun['progress']>['phase'],
            fraction: Number(run.progress_fraction ?? 0),
          }
        : null,
    startedBy: (await repo.namesOf(ctx.db, [run.created_by])).get(run.created_by ?? '') ?? null,
    startedAt: run.created_at,
    finishedAt: run.finished_at,
    inputHash: run.input_hash,
    verified: run.verdict === null ? null : run.verdict === 'verified',
    totals: null,
    proposals: [],
    unmatched: [],
    mentors: [],
    warnings: [],
  };
  if (status !== 'done' || !run.result) return base;
  const input = JSON.parse(run.input) as MatchingInput;
  const result = JSON.parse(run.result) as MatchingRunResult;
  const ids = [...input.adepts.map((a) => a.id), ...input.mentors.map((m) => m.id)];
  const people = await directoryOf(ctx.db, run.programme_id, ids);
  const person = (id: string) => people.get(id) ?? unknownPerson(id);
  const nameOf = (id: string) => person(id).name;
  const texts = matchingTexts[ctx.locale];
  const adeptOrg = new Map(input.adepts.map((a) => [a.id, a.organisationId]));
  const mentorOrg = new Map(input.mentors.map((m) => [m.id, m.organisationId]));
  const lockOf = new Map(
    ctx.decisions.filter((d) => d.kind === 'lock').map((d) => [`${d.adept_id}:${d.mentor_id}`, d]),
  );
  const pairOf = (adept: string, mentor: string) =>
    ctx.pairs.find((p) => p.adept_id === adept && p.mentor_id === mentor && p.run_id === run.id) ??
    ctx.pairs.find(
      (p) =>
        p.adept_id === adept &&
        p.mentor_id === mentor &&
        (currentPairStatuses as readonly string[]).includes(p.status),
    );
  const explained = input.adepts.length * input.mentors.length <= 250_000;

  const proposals: Proposal[] = [];
  for (const p of result.proposals) {
    const adept = person(p.adept);
    const mentor = person(p.mentor);
    if (!view.sees(adept, mentor)) continue;
    const lock = lockOf.get(`${p.adept}:${p.mentor}`);
    const reasons = sentences(p.explanation, ctx.locale, nameOf);
    const explanation = p.locked
      ? [
          texts.lockedByHand,
          ...reasons.filter((r) => !r.startsWith(renderReason({ code: 'locked' }, ctx.locale))),
        ]
      : reasons.length > 0
        ? reasons
        : explained
          ? [texts.bestMentor(mentor.name)]
          : [texts.noExplanation];
    const pair = pairOf(p.adept, p.mentor);
    proposals.push({
      adept,
      mentor,
      score: p.displayScore,
      breakdown: breakdownOf(p.breakdown, input, result.maxScore),
      explanation,
      distanceKm: distanceOf(input, adeptOrg.get(p.adept) ?? '', mentorOrg.get(p.mentor) ?? ''),
      locked: p.locked,
      broken: lock?.overridden ? (JSON.parse(lock.overridden) as HardConstraintCode[]) : [],
      pair: pair ? { id: pair.id, status: pair.status as PairStatus } : null,
    });
  }
  const unmatched = result.unmatched
    .map((u) => ({ adept: person(u.adept), reasons: sentences(u.explanation, ctx.locale, nameOf) }))
    .filter((u) => view.sees(u.adept));

  // Mentors as they stand now, with what this run proposes to them (published proposals count once).
  const proposedTo = new Map<string, number>();
  for (const p of result.proposals) {
    if (pairOf(p.adept, p.mentor)) continue;
    proposedTo.set(p.mentor, (proposedTo.get(p.mentor) ?? 0) + 1);
  }
  const mentors: MentorCapacity[] = ctx.snapshot.mentors
    .map((m) => fromParticipantWithCapacity(ctx.snapshot, m, proposedTo.get(m.id) ?? 0))
    .filter((m) => view.sees(m.mentor));

  const values = result.proposals.map((p) => p.displayScore);
  return {
    ...base,
    totals: {
      adepts: input.adepts.length,
      matched: result.totals.matched,
      unmatched: result.totals.unmatched,
      locked: result.totals.locked,
      meanScore: values.length === 0 ? 0 : round1(values.reduce((s, v) => s + v, 0) / values.length),
    },
    proposals,
    unmatched,
    mentors,
    warnings: lockWarnings(ctx),
  };
}

function fromParticipantWithCapacity(snapshot: Snapshot, m: Participant, proposed: number): MentorCapacity {
  const capacity = m.mentor?.capacity ?? 0;
  const current = snapshot.currentByMentor.get(m.id) ?? 0;
  const trained = !snapshot.input.rules.requireTrainedMentor || snapshot.trainedMentors.has(m.id);
  return {
    mentor: fromParticipant(m),
    capacity,
    current,
    proposed,
    left: Math.max(0, capacity - current - proposed),
    available: trained && capacity - current > 0,
    unavailableBecause: [
      ...(trained ? [] : (['mentor_not_trained'] as const)),
      ...(capacity - current > 0 ? [] : (['no_free_capacity'] as const)),
    ],
  };
}

function lockWarnings(ctx: RunContext): string[] {
  const view = viewFor(ctx.actor, ctx.networkId);
  const texts = matchingTexts[ctx.locale].lockDropped;
  return ctx.snapshot.droppedLocks
    .map(({ decision, why }) => {
      const adept = ctx.snapshot.people.get(decision.adept_id);
      const mentor = ctx.snapshot.people.get(decision.mentor_id);
      const people = [adept, mentor].filter((p): p is Participant => p !== undefined).map(fromParticipant);
      if (people.length > 0 && !view.sees(...people)) return null;
      return texts[why](adept?.name ?? '–', mentor?.name ?? '–');
    })
    .filter((w): w is string => w !== null);
}

async function presentDecisions(
  db: Queryable,
  actor: Actor,
  programmeId: string,
  networkId: string,
  decisions: repo.DecisionRow[],
): Promise<MatchingDecision[]> {
  const people = await directoryOf(
    db,
    programmeId,
    decisions.flatMap((d) => [d.adept_id, d.mentor_id]),
  );
  const names = await repo.namesOf(
    db,
    decisions.map((d) => d.created_by),
  );
  const view = viewFor(actor, networkId);
  return decisions
    .map((d) => ({
      id: d.id,
      kind: d.kind as MatchingDecision['kind'],
      adept: people.get(d.adept_id) ?? unknownPerson(d.adept_id),
      mentor: people.get(d.mentor_id) ?? unknownPerson(d.mentor_id),
      reason: d.reason,
      overridden: d.overridden ? (JSON.parse(d.overridden) as HardConstraintCode[]) : [],
      decidedBy: d.created_by ? (names.get(d.created_by) ?? null) : null,
      decidedAt: d.created_at,
    }))
    .filter((d) => view.sees(d.adept, d.mentor));
}

async function presentPairs(
  db: Queryable,
  actor: Actor,
  programmeId: string,
  networkId: string,
  pairs: repo.PairRow[],
  waiting: Set<string>,
): Promise<BoardPair[]> {
  const people = await directoryOf(
    db,
    programmeId,
    pairs.flatMap((p) => [p.adept_id, p.mentor_id]),
  );
  const events = await repo.eventsOf(
    db,
    pairs.map((p) => p.id),
  );
  const names = await repo.namesOf(db, [
    ...pairs.map((p) => p.published_by),
    ...events.map((e) => e.actor_id),
  ]);
  const result: BoardPair[] = [];
  for (const pair of pairs) {
    const adept = people.get(pair.adept_id) ?? unknownPerson(pair.adept_id);
    const mentor = people.get(pair.mentor_id) ?? unknownPerson(pair.mentor_id);
    const subject = {
      type: 'pair' as const,
      networkId,
      adeptId: pair.adept_id,
      mentorId: pair.mentor_id,
      organisationIds: [adept.organisation.id, mentor.organisation.id],
    };
    if (!can(actor, 'read', subject)) continue;
    const withReasons = can(actor, 'readEvents', subject);
    result.push({
      id: pair.id,
      status: pair.status as PairStatus,
      adept,
      mentor,
      score: pair.score === null || pair.max_score === null ? null : toDisplay(pair.score, pair.max_score),
      publishedAt: pair.published_at,
      publishedBy: pair.published_by ? (names.get(pair.published_by) ?? null) : null,
      events: events
        .filter((e) => e.pair_id === pair.id)
        .map((e) => ({
          status: e.to_status as PairStatus,
          at: e.created_at,
          by: e.actor_id ? (names.get(e.actor_id) ?? null) : null,
          byRole: e.actor_role as BoardPair['events'][number]['byRole'],
          reason: withReasons ? e.reason : null,
        })),
      // A decline or a change of mentor sends the adept back to matching; a cancellation ends their part.
      adeptWaiting: (pair.status === 'declined' || pair.status === 'rematched') && waiting.has(pair.adept_id),
    });
  }
  return result;
}

// --- The board ------------------------------------------------------------------------------------------------

export async function getBoard(
  db: Db,
  actor: Actor | null,
  programmeId: string,
  roundId: string | undefined,
  locale: Locale,
  now: string,
): Promise<MatchingBoard> {
  const { programme, settings } = await loadProgramme(db, actor, programmeId, 'readMatching');
  const round = await resolveRound(db, programme, roundId);
  const snapshot = await buildSnapshot(db, programme, round?.id ?? null);
  const networkId = programme.network_id;
  const view = viewFor(actor!, networkId);
  const pairs = await repo.pairsOfProgramme(db, programme.id, snapshot.roundId);
  const run = isCohort(settings)
    ? await repo.latestRun(db, programme.id, snapshot.roundId, 'batch')
    : undefined;
  const ctx: RunContext = {
    db,
    actor: actor!,
    locale,
    now,
    networkId,
    snapshot,
    decisions: snapshot.decisions,
    pairs,
  };
  const waiting = snapshot.adepts.map(fromParticipant);
  const visibleOrganisations = new Map<string, string>();
  for (const p of snapshot.people.values()) {
    const person = fromParticipant(p);
    if (view.sees(person)) visibleOrganisations.set(p.organisationId, p.organisationName);
  }
  const conflictPeople = await directoryOf(
    db,
    programme.id,
    snapshot.conflicts.map((c) => c.person_id),
  );
  const otherIds = await repo.peopleByEmail(
    db,
    snapshot.conflicts.map((c) => c.other_email).filter((e): e is string => e !== null),
  );
  const others = await directoryOf(db, programme.id, [...otherIds.values()]);
  const rounds = (await listRounds(db, programme.id)).map((r) => ({
    id: r.id,
    name: r.name,
    startsOn: r.starts_on,
  }));
  return {
    programme: {
      id: programme.id,
      name: programme.name,
      mode: settings.intake.mode,
      crossOrganisation: settings.matching.crossOrganisation,
      firstContact: settings.matching.firstContact,
    },
    round,
    rounds: isCohort(settings) ? rounds : [],
    scope: view.network ? 'network' : 'organisations',
    organisations: [...visibleOrganisations]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    run: run ? await presentRun(ctx, run) : null,
    waitingAdepts: waiting.filter((a) => view.sees(a)),
    counts: {
      adepts: snapshot.adepts.length,
      mentors: snapshot.mentors.length,
      places: snapshot.mentors.reduce(
        (sum, m) => sum + Math.max(0, (m.mentor?.capacity ?? 0) - (snapshot.currentByMentor.get(m.id) ?? 0)),
        0,
      ),
    },
    decisions: await presentDecisions(db, actor!, programme.id, networkId, snapshot.decisions),
    pairs: await presentPairs(
      db,
      actor!,
      programme.id,
      networkId,
      pairs,
      new Set(snapshot.adepts.map((a) => a.id)),
    ),
    conflicts: snapshot.conflicts
      .map((c) => {
        const otherId = c.other_email ? otherIds.get(c.other_email.toLowerCase()) : undefined;
        return {
          person: conflictPeople.get(c.person_id) ?? unknownPerson(c.person_id),
          otherName: c.other_name,
          other: otherId ? (others.get(otherId) ?? null) : null,
          reason: c.reason,
          declaredAt: c.created_at,
        };
      })
      .filter((c) => view.sees(c.person) || (c.other !== null && view.sees(c.other))),
    withoutLocation: snapshot.withoutLocation,
  };
}

// --- Runs -----------------------------------------------------------------------------------------------------

/** Starts a batch run of the round (cohort programmes); answers at once with the run, finished when small. */
export async function startBatchRun(
  deps: Deps,
  actor: Actor | null,
  programmeId: string,
  roundId: string | null,
  locale: Locale,
): Promise<MatchingRun> {
  const { db } = deps;
  const now = deps.clock.now().toISOString();
  const { programme, settings } = await loadProgramme(db, actor, programmeId, 'runMatching');
  if (!isCohort(settings)) throw AppError.validation('roundId', 'one_adept_at_a_time');
  const round = await resolveRound(db, programme, roundId);
  if (!round) throw AppError.validation('roundId', 'required');
  const latest = await repo.latestRun(db, programme.id, round.id, 'batch');
  if (latest && effectiveStatus(latest, now) === 'running')
    return runView(db, actor!, latest.id, locale, now);
  const snapshot = await buildSnapshot(db, programme, round.id);
  if (snapshot.adepts.length === 0) throw AppError.validation('roundId', 'no_adepts_waiting');
  const started = await startRun(
    deps,
    {
      id: newId(),
      programmeId: programme.id,
      roundId: round.id,
      kind: 'batch',
      adeptId: null,
      createdBy: actor!.personId,
    },
    snapshot.input,
  );
  await recordAudit(db, actor!, 'create', 'matching_run', started.id, programme.network_id, now);
  return runView(db, actor!, started.id, locale, now);
}

async function runView(
  db: Queryable,
  actor: Actor,
  runId: string,
  locale: Locale,
  now: string,
): Promise<MatchingRun> {
  const run = (await repo.findRun(db, runId))!;
  const programme = (await findProgramme(db, run.programme_id))!;
  const snapshot = await buildSnapshot(db, programme, run.round_id);
  return presentRun(
    {
      db,
      actor,
      locale,
      now,
      networkId: programme.network_id,
      snapshot,
      decisions: snapshot.decisions,
      pairs: await repo.pairsOfProgramme(db, programme.id, snapshot.roundId),
    },
    run,
  );
}

export async function getRun(
  db: Db,
  actor: Actor | null,
  runId: string,
  locale: Locale,
  now: string,
): Promise<MatchingRun> {
  await loadRun(db, actor, runId);
  return runView(db, actor!, runId, locale, now);
}

// --- One adept at a time ---------------------------------------------------------------------------------------

/** Loads an admitted adept of the programme that the caller may match; 404 for one they may not see. */
async function loadAdept(db: Queryable, actor: Actor, programme: ProgrammeRow, adeptId: string) {
  const row = await repo.participation(db, programme.id, adeptId, 'adept');
  if (!row) throw notFound();
  const adept: MatchPerson = {
    id: row.person_id,
    name: row.name,
    title: null,
    managementLevel: null,
    organisation: { id: row.organisation_id, name: row.organisation_name },
  };
  authorize(actor, 'read', proposalSubject(programme.network_id, [adept]));
  authorize(actor, 'decide', proposalSubject(programme.network_id, [adept]));
  return row;
}

/** Every mentor for one waiting adept, best first, with why; stored as a run so a pick can be published. */
export async function candidates(
  db: Db,
  actor: Actor | null,
  programmeId: string,
  body: z.infer<typeof adeptBodySchema>,
  locale: Locale,
  now: string,
): Promise<Candidates> {
  const { programme } = await loadProgramme(db, actor, programmeId, 'runMatching');
  const row = await loadAdept(db, actor!, programme, body.adeptId);
  const round = await resolveRound(db, programme, body.roundId ?? row.round_id);
  const snapshot = await buildSnapshot(db, programme, round?.id ?? null, {
    onlyAdept: body.adeptId,
    withoutLocks: true,
  });
  const adept = snapshot.adepts[0];
  if (!adept) throw AppError.validation('adeptId', 'not_waiting');
  const holding = await repo.adeptsWithPairs(db, programme.id);
  if (holding.has(adept.id)) throw AppError.validation('adeptId', 'already_paired');
  const ranking = rankMentors(snapshot.input, adept.id);
  const id = newId();
  await repo.insertRun(db, {
    id,
    programme_id: programme.id,
    round_id: snapshot.roundId,
    kind: 'single',
    adept_id: adept.id,
    status: 'done',
    progress_phase: null,
    progress_fraction: null,
    created_by: actor!.personId,
    created_at: now,
    updated_at: now,
    finished_at: now,
    input_hash: hashOf(snapshot.input),
    input: JSON.stringify(snapshot.input),
    result: JSON.stringify(ranking),
    verdict: null,
    error: null,
  });
  return presentCandidates(snapshot, ranking, id, locale);
}

function presentCandidates(
  snapshot: Snapshot,
  ranking: MentorRanking,
  runId: string,
  locale: Locale,
): Candidates {
  const adept = snapshot.people.get(ranking.adept)!;
  return {
    runId,
    adept: fromParticipant(adept),
    candidates: ranking.mentors.map((m) => {
      const mentor = snapshot.people.get(m.mentor)!;
      return {
        mentor: fromParticipant(mentor),
        score: m.displayScore,
        breakdown: breakdownOf(m.breakdown, snapshot.input, ranking.maxScore),
        // The points per criterion are the explanation (shown as a table); sentences only for what excludes.
        explanation: m.explanation.filter((r) => r.code !== 'criterion').map((r) => renderReason(r, locale)),
        constraints: m.constraints,
        distanceKm: Number.isFinite(m.distanceKm) ? round1(m.distanceKm) : null,
        freeCapacity: Math.max(
          0,
          (mentor.mentor?.capacity ?? 0) - (snapshot.currentByMentor.get(mentor.id) ?? 0),
        ),
      };
    }),
  };
}

/**
 * Re-matches one adept whose pair was declined (or who joined late) without touching anyone else: the
 * best mentor with a place left now, the declined and forbidden pairs excluded. Stored as a run.
 */
export async function rematch(
  deps: Deps,
  actor: Actor | null,
  programmeId: string,
  body: z.infer<typeof adeptBodySchema>,
  locale: Locale,
): Promise<MatchingRun> {
  const { db } = deps;
  const { programme } = await loadProgramme(db, actor, programmeId, 'runMatching');
  const row = await loadAdept(db, actor!, programme, body.adeptId);
  const holding = await repo.adeptsWithPairs(db, programme.id);
  if (holding.has(body.adeptId)) throw AppError.validation('adeptId', 'already_paired');
  const round = await resolveRound(db, programme, body.roundId ?? row.round_id);
  const snapshot = await buildSnapshot(db, programme, round?.id ?? null, { onlyAdept: body.adeptId });
  if (snapshot.adepts.length === 0) throw AppError.validation('adeptId', 'not_waiting');
  const started = await startRun(
    deps,
    {
      id: newId(),
      programmeId: programme.id,
      roundId: snapshot.roundId,
      kind: 'rematch',
      adeptId: body.adeptId,
      createdBy: actor!.personId,
    },
    snapshot.input,
  );
  await started.done;
  return runView(db, actor!, started.id, locale, deps.clock.now().toISOString());
}

// --- Decisions ---------------------------------------------------------------------------------------------------

/** The hard constraints the pair breaks now, hard-constraint codes as the engine names them. */
function constraintsNow(input: MatchingInput, adeptId: string, mentorId: string): HardConstraintCode[] {
  const only = { ...input, adepts: input.adepts.filter((a) => a.id === adeptId), locked: [] };
  if (only.adepts.length === 0) return [];
  const ranked = rankMentors(only, adeptId).mentors.find((m) => m.mentor === mentorId);
  return ranked ? ranked.constraints : [];
}

export async function decide(
  db: Db,
  actor: Actor | null,
  programmeId: string,
  body: DecisionInput,
  now: string,
): Promise<MatchingDecision> {
  const { programme, settings } = await loadProgramme(db, actor, programmeId, 'readMatching');
  const adeptRow = await repo.participation(db, programme.id, body.adeptId, 'adept');
  const mentorRow = await repo.participation(db, programme.id, body.mentorId, 'mentor');
  if (!adeptRow || !mentorRow) throw notFound();
  const subject = proposalSubject(programme.network_id, [
    { id: adeptRow.person_id, organisation: { id: adeptRow.organisation_id } },
    { id: mentorRow.person_id, organisation: { id: mentorRow.organisation_id } },
  ]);
  authorize(actor, 'read', subject);
  authorize(actor, 'decide', subject);
  const round = isCohort(settings)
    ? await resolveRound(db, programme, body.roundId ?? adeptRow.round_id)
    : null;
  if (isCohort(settings) && !round) throw AppError.validation('roundId', 'required');
  const roundId = round?.id ?? null;
  let overridden: HardConstraintCode[] = [];

  if (body.kind === 'lock') {
    const holding = await repo.adeptsWithPairs(db, programme.id);
    if (holding.has(body.adeptId)) throw AppError.validation('adeptId', 'already_paired');
    const snapshot = await buildSnapshot(db, programme, roundId, {
      onlyAdept: body.adeptId,
      withoutLocks: true,
    });
    if (!snapshot.mentors.some((m) => m.id === body.mentorId))
      throw AppError.validation('mentorId', 'mentor_unavailable');
    const broken = constraintsNow(snapshot.input, body.adeptId, body.mentorId);
    if (broken.includes('forbidden')) throw AppError.validation('mentorId', 'pair_forbidden');
    if (broken.includes('no_free_capacity')) throw AppError.validation('mentorId', 'no_free_capacity');
    // Breaking a hard constraint by hand is allowed when said so, and why.
    const errors = [
      ...(broken.length > 0 && !body.acknowledgeWarnings
        ? [{ field: 'acknowledgeWarnings', message: 'breaks_constraints' }]
        : []),
      ...(broken.length > 0 && !body.reason ? [{ field: 'reason', message: 'required' }] : []),
    ];
    if (errors.length > 0) throw new AppError('validation_failed', errors);
    overridden = broken;
  }

  return db.transaction().execute(async (trx) => {
    const standing = await repo.activeDecisions(trx, programme.id, roundId);
    for (const d of standing) {
      // One lock per adept; a forbidden pair is no longer locked, a locked pair no longer forbidden.
      const sameAdeptLock = body.kind === 'lock' && d.kind === 'lock' && d.adept_id === body.adeptId;
      const samePair = d.adept_id === body.adeptId && d.mentor_id === body.mentorId;
      if (sameAdeptLock || samePair) await repo.removeDecision(trx, d.id, actor!.personId, now);
    }
    const id = newId();
    await repo.insertDecision(trx, {
      id,
      programme_id: programme.id,
      round_id: roundId,
      adept_id: body.adeptId,
      mentor_id: body.mentorId,
      kind: body.kind,
      reason: body.reason && body.reason.length > 0 ? body.reason : null,
      overridden: overridden.length > 0 ? JSON.stringify(overridden) : null,
      created_by: actor!.personId,
      created_at: now,
      removed_by: null,
      removed_at: null,
    });
    const [decision] = await presentDecisions(trx, actor!, programme.id, programme.network_id, [
      (await repo.findDecision(trx, id))!,
    ]);
    return decision!;
  });
}

export async function removeDecision(
  db: Db,
  actor: Actor | null,
  decisionId: string,
  now: string,
): Promise<void> {
  const decision = await repo.findDecision(db, decisionId);
  if (!decision || decision.removed_at !== null) throw notFound();
  const { programme } = await loadProgramme(db, actor, decision.programme_id, 'readMatching');
  const people = await directoryOf(db, programme.id, [decision.adept_id, decision.mentor_id]);
  const subject = proposalSubject(
    programme.network_id,
    [decision.adept_id, decision.mentor_id].map((id) => people.get(id) ?? unknownPerson(id)),
  );
  authorize(actor, 'read', subject);
  authorize(actor, 'decide', subject);
  if (!(await repo.removeDecision(db, decisionId, actor!.personId, now))) throw new AppError('conflict');
}

// --- Swap by hand ---------------------------------------------------------------------------------------------

/** What locking another mentor for an adept of a run would cost: broken constraints, the run's score. */
export async function swapPreview(
  db: Db,
  actor: Actor | null,
  runId: string,
  body: { adeptId: string; mentorId: string },
  now: string,
): Promise<SwapPreview> {
  const { run, programme } = await loadRun(db, actor, runId);
  if (run.kind !== 'batch' || effectiveStatus(run, now) !== 'done' || !run.result)
    throw AppError.validation('runId', 'run_not_done');
  const input = JSON.parse(run.input) as MatchingInput;
  const result = JSON.parse(run.result) as MatchingRunResult;
  if (!input.adepts.some((a) => a.id === body.adeptId)) throw AppError.validation('adeptId', 'not_in_run');
  if (!input.mentors.some((m) => m.id === body.mentorId)) throw AppError.validation('mentorId', 'not_in_run');
  const people = await directoryOf(db, programme.id, [body.adeptId, body.mentorId]);
  const adept = people.get(body.adeptId) ?? unknownPerson(body.adeptId);
  const mentor = people.get(body.mentorId) ?? unknownPerson(body.mentorId);
  const subject = proposalSubject(programme.network_id, [adept, mentor]);
  authorize(actor, 'read', subject);
  authorize(actor, 'decide', subject);

  const ranked = rankMentors({ ...input, locked: [] }, body.adeptId).mentors.find(
    (m) => m.mentor === body.mentorId,
  )!;
  const constraints = ranked.constraints;
  const meanOf = (r: MatchingRunResult) =>
    r.proposals.length === 0
      ? 0
      : round1(r.proposals.reduce((s, p) => s + p.displayScore, 0) / r.proposals.length);
  const before = {
    matched: result.totals.matched,
    meanScore: meanOf(result),
    totalScore: toDisplay(result.totals.score, result.maxScore),
  };
  const possible = !constraints.includes('forbidden') && !constraints.includes('no_free_capacity');
  let after: SwapPreview['after'] = null;
  let scoreCost: number | null = null;
  if (possible) {
    const locked = [
      ...(input.locked ?? []).filter((l) => l.adept !== body.adeptId),
      { adept: body.adeptId, mentor: body.mentorId },
    ];
    try {
      const swapped = runMatching({ ...input, locked }, { explain: false });
      after = {
        matched: swapped.totals.matched,
        meanScore: meanOf(swapped),
        totalScore: toDisplay(swapped.totals.score, swapped.maxScore),
      };
      scoreCost = Math.max(0, round1(before.totalScore - after.totalScore));
    } catch (error) {
      // The other locks already fill the mentor's places.
      if (!(error instanceof MatchingProfileError)) throw error;
    }
  }
  return {
    adept,
    mentor,
    score: ranked.displayScore,
    breakdown: breakdownOf(ranked.breakdown, input, result.maxScore),
    constraints,
    possible: possible && after !== null,
    before,
    after,
    scoreCost,
  };
}

// --- Publishing -----------------------------------------------------------------------------------------------

/**
 * Publishes proposals of a run (or a pick from one adept's candidates) as introduced pairs: both parties
 * get a mail introducing the other. Each pair is checked again as things stand now.
 */
export async function publish(
  deps: Deps,
  actor: Actor | null,
  runId: string,
  requested: { adeptId: string; mentorId: string }[],
): Promise<PublishResult> {
  const { db } = deps;
  const { run, programme, settings } = await loadRun(db, actor, runId);
  if (effectiveStatus(run, deps.clock.now().toISOString()) !== 'done' || !run.result)
    throw AppError.validation('runId', 'run_not_done');
  const offered = new Map<string, number>();
  let maxScore: number;
  if (run.kind === 'single') {
    const ranking = JSON.parse(run.result) as MentorRanking;
    maxScore = ranking.maxScore;
    for (const m of ranking.mentors)
      if (m.constraints.length === 0) offered.set(`${ranking.adept}:${m.mentor}`, m.score);
  } else {
    const result = JSON.parse(run.result) as MatchingRunResult;
    maxScore = result.maxScore;
    for (const p of result.proposals) offered.set(`${p.adept}:${p.mentor}`, p.score);
  }
  const ids = requested.flatMap((p) => [p.adeptId, p.mentorId]);
  const people = await directoryOf(db, programme.id, ids);
  // Every pair must be one the caller may see and decide; any other makes the whole request fail.
  for (const p of requested) {
    const subject = proposalSubject(programme.network_id, [
      people.get(p.adeptId) ?? unknownPerson(p.adeptId),
      people.get(p.mentorId) ?? unknownPerson(p.mentorId),
    ]);
    authorize(actor, 'read', subject);
    authorize(actor, 'decide', subject);
    if (!offered.has(`${p.adeptId}:${p.mentorId}`)) throw AppError.validation('pairs', 'not_in_run');
  }
  const seen = new Set<string>();
  for (const p of requested) {
    if (seen.has(p.adeptId)) throw AppError.validation('pairs', 'duplicate');
    seen.add(p.adeptId);
  }

  const publishPairs = () =>
    db.transaction().execute(async (trx) => {
      const snapshot = await buildSnapshot(trx, programme, run.round_id, { withoutLocks: true });
      const waiting = new Set(snapshot.adepts.map((a) => a.id));
      const free = new Map(
        snapshot.mentors.map((m) => [
          m.id,
          (m.mentor?.capacity ?? 0) - (snapshot.currentByMentor.get(m.id) ?? 0),
        ]),
      );
      const forbidden = new Set((snapshot.input.forbidden ?? []).map((f) => `${f.adept}:${f.mentor}`));
      const published: PublishResult['published'] = [];
      const skipped: PublishResult['skipped'] = [];
      let mails = 0;
      const now = deps.clock.now().toISOString();
      for (const p of requested) {
        const key = `${p.adeptId}:${p.mentorId}`;
        const why = !waiting.has(p.adeptId)
          ? 'already_paired'
          : (free.get(p.mentorId) ?? 0) <= 0
            ? 'no_free_capacity'
            : forbidden.has(key)
              ? 'pair_forbidden'
              : null;
        if (why) {
          skipped.push({ ...p, reason: why });
          continue;
        }
        const adept = snapshot.people.get(p.adeptId)!;
        const mentor = snapshot.people.get(p.mentorId)!;
        const pairId = newId();
        await repo.insertPair(trx, {
          id: pairId,
          programme_id: programme.id,
          round_id: run.round_id ?? adept.roundId,
          adept_id: p.adeptId,
          mentor_id: p.mentorId,
          status: 'introduced',
          run_id: run.id,
          score: offered.get(key) ?? null,
          max_score: maxScore,
          published_by: actor!.personId,
          published_at: now,
          updated_at: now,
          // The pair's year runs on the plan and texts of today, whatever the programme later becomes.
          plan_starts_on: todayInSweden(new Date(now)),
          settings: programme.settings,
        });
        await repo.insertPairEvent(trx, {
          id: newId(),
          pair_id: pairId,
          from_status: null,
          to_status: 'introduced',
          actor_id: actor!.personId,
          actor_role: isNetworkAdmin(actor!, programme.network_id) ? 'administrator' : 'coordinator',
          reason: null,
          created_at: now,
        });
        mails += await introducePair(deps, trx, { programme, settings, pairId, adept, mentor });
        waiting.delete(p.adeptId);
        free.set(p.mentorId, (free.get(p.mentorId) ?? 0) - 1);
        published.push({ pairId, adeptId: p.adeptId, mentorId: p.mentorId });
      }
      if (published.length > 0)
        await recordAudit(trx, actor!, 'create', 'pairs', run.id, programme.network_id, now);
      return { published, skipped, mails };
    });
  return publishPairs().catch((error: unknown) => {
    // Someone published a pair for one of these adepts at the same moment: the unique index refused it.
    if (isUniqueViolation(error)) throw new AppError('conflict');
    throw error;
  });
}

/** A unique constraint refused a row: SQLite's and PostgreSQL's spelling of it. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
