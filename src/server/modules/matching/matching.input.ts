import type { MentorProfile, NeedsProfile, ProfileBasics } from '../../../shared/intake.ts';
import type { ProgrammeSettings } from '../../../shared/programme.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Queryable } from '../../db/connection.ts';
import { parseSettings } from '../applications/applications.presenter.ts';
import { completedTrainingSteps } from '../applications/applications.repository.ts';
import type { ProgrammeRow } from '../programmes/programmes.repository.ts';
import type { MatchingInput, PersonLink } from './engine/index.ts';
import { matchingRulesFromSettings } from './engine/index.ts';
import * as repo from './matching.repository.ts';

/**
 * What the matching engine is given, read from the database as it stands: admitted adepts without a
 * current pair, admitted mentors who have not paused with their free capacity, the programme's rules
 * and weights, the organisations' locations, dependencies (named and approving managers), declared
 * conflicts, failed and forbidden pairs, and the board's locks. The input holds only what scoring
 * needs, so the stored copy of a run carries no free text.
 */

export interface Participant {
  id: string;
  name: string;
  title: string | null;
  email: string;
  phone: string | null;
  locale: Locale;
  organisationId: string;
  organisationName: string;
  applicationId: string;
  roundId: string | null;
  basics: ProfileBasics;
  needs: NeedsProfile | null;
  mentor: MentorProfile | null;
  paused: boolean;
}

export interface Snapshot {
  programme: ProgrammeRow;
  settings: ProgrammeSettings;
  networkId: string;
  /** The round matched (cohort programmes), or null: the whole programme. */
  roundId: string | null;
  /** Adepts waiting for a mentor, in the input. */
  adepts: Participant[];
  /** Mentors who can be matched (not paused), in the input. */
  mentors: Participant[];
  /** Every admitted participant read, paused mentors and paired adepts included, by id. */
  people: Map<string, Participant>;
  /** Current pairs per mentor (introduced or later, any programme). */
  currentByMentor: Map<string, number>;
  trainedMentors: Set<string>;
  input: MatchingInput;
  /** The board's decisions in force for this programme and round. */
  decisions: repo.DecisionRow[];
  /** Locks left out of the input, and why: the adept or the mentor is unavailable, the pair forbidden. */
  droppedLocks: { decision: repo.DecisionRow; why: 'adept' | 'mentor' | 'forbidden' | 'twice' }[];
  /** Organisations of people in the input that have no location. */
  withoutLocation: { id: string; name: string }[];
  conflicts: repo.ConflictRow[];
}

export const isCohort = (settings: ProgrammeSettings) => settings.intake.mode === 'cohort';

/** A participant as matching and the pair's pages read them, from an application row with its profile. */
export function participant(row: repo.AdmittedRow): Participant {
  return {
    id: row.person_id,
    name: row.name,
    title: row.title,
    email: row.email,
    phone: row.phone,
    locale: row.locale === 'en' ? 'en' : 'sv',
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    applicationId: row.application_id,
    roundId: row.round_id,
    // The profile is the person's current word; the application is the fallback.
    basics: JSON.parse(row.profile_basics ?? row.basics) as ProfileBasics,
    needs: (row.profile_needs ?? row.needs) === null ? null : JSON.parse((row.profile_needs ?? row.needs)!),
    mentor:
      (row.profile_mentor ?? row.mentor) === null ? null : JSON.parse((row.profile_mentor ?? row.mentor)!),
    paused: row.mentor_paused_at !== null,
  };
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const pairKey = (adept: string, mentor: string) => `${adept}:${mentor}`;

export interface SnapshotOptions {
  /** Only this adept (one adept at a time, re-matching); they need not be waiting. */
  onlyAdept?: string;
  /** Leave the board's locks out (ranking one adept's mentors). */
  withoutLocks?: boolean;
}

export async function buildSnapshot(
  db: Queryable,
  programme: ProgrammeRow,
  roundId: string | null,
  options: SnapshotOptions = {},
): Promise<Snapshot> {
  const settings = parseSettings(programme.settings);
  const scope = isCohort(settings) ? roundId : null;
  const networkId = programme.network_id;
  const people = new Map<string, Participant>();
  const firstOfEach = (rows: repo.AdmittedRow[]) => {
    const seen = new Map<string, Participant>();
    for (const row of rows) if (!seen.has(row.person_id)) seen.set(row.person_id, participant(row));
    return [...seen.values()];
  };
  const allAdepts = firstOfEach(await repo.admitted(db, programme.id, 'adept', scope));
  const allMentors = firstOfEach(await repo.admitted(db, programme.id, 'mentor', scope));
  for (const p of [...allMentors, ...allAdepts]) if (!people.has(p.id)) people.set(p.id, p);

  const paired = await repo.adeptsWithPairs(db, programme.id);
  const adepts = allAdepts
    .filter((a) => (options.onlyAdept ? a.id === options.onlyAdept : !paired.has(a.id)))
    .filter((a) => a.needs !== null)
    .sort(byId);
  const mentors = allMentors.filter((m) => !m.paused && m.mentor !== null).sort(byId);

  const currentByMentor = new Map<string, number>();
  for (const pair of await repo.currentPairsOf(
    db,
    allMentors.map((m) => m.id),
  )) {
    currentByMentor.set(pair.mentor_id, (currentByMentor.get(pair.mentor_id) ?? 0) + 1);
  }

  const steps = settings.mentorTraining.steps.map((s) => s.key);
  const done = await completedTrainingSteps(
    db,
    allMentors.map((m) => ({ personId: m.id, programmeId: programme.id })),
  );
  const trainedMentors = new Set(
    allMentors
      .filter((m) => steps.every((step) => (done.get(`${m.id}:${programme.id}`) ?? []).includes(step)))
      .map((m) => m.id),
  );

  const adeptIds = new Set(adepts.map((a) => a.id));
  const mentorIds = new Set(mentors.map((m) => m.id));
  const between = (x: string, y: string) =>
    (adeptIds.has(x) && mentorIds.has(y)) || (adeptIds.has(y) && mentorIds.has(x));

  // Dependencies: the manager each applicant named, and whoever decided a manager step.
  const inInput = [...adeptIds, ...mentorIds];
  const steps_ = await repo.managerSteps(db, networkId, inInput);
  const emails = await repo.peopleByEmail(
    db,
    steps_.map((s) => s.approver_email).filter((e): e is string => e !== null),
  );
  const links: PersonLink[] = [];
  const linked = new Set<string>();
  const link = (personA: string, personB: string, kind: PersonLink['kind']) => {
    const key = `${kind}:${[personA, personB].sort().join(':')}`;
    if (personA === personB || !between(personA, personB) || linked.has(key)) return;
    linked.add(key);
    links.push({ personA, personB, kind });
  };
  for (const step of steps_) {
    const named = step.approver_email ? emails.get(step.approver_email.toLowerCase()) : undefined;
    if (named) link(step.person_id, named, 'line_manager');
    if (step.status === 'approved' && step.decided_by)
      link(step.person_id, step.decided_by, 'approved_application');
  }
  // Declared conflicts, by the declarer or naming an address of someone in the input.
  const conflicts = await repo.conflictsInvolving(
    db,
    inInput,
    [...people.values()].filter((p) => adeptIds.has(p.id) || mentorIds.has(p.id)).map((p) => p.email),
  );
  const conflictEmails = await repo.peopleByEmail(
    db,
    conflicts.map((c) => c.other_email).filter((e): e is string => e !== null),
  );
  for (const conflict of conflicts) {
    const other = conflict.other_email ? conflictEmails.get(conflict.other_email.toLowerCase()) : undefined;
    if (other) link(conflict.person_id, other, 'declared_conflict');
  }
  links.sort((x, y) =>
    `${x.personA}:${x.personB}:${x.kind}` < `${y.personA}:${y.personB}:${y.kind}` ? -1 : 1,
  );

  // Pairs never to propose: those that failed, and those the board forbade.
  const decisions = await repo.activeDecisions(db, programme.id, isCohort(settings) ? roundId : null);
  const forbiddenKeys = new Set<string>();
  const forbidden: { adept: string; mentor: string }[] = [];
  const forbid = (adept: string, mentor: string) => {
    if (!adeptIds.has(adept) || !mentorIds.has(mentor) || forbiddenKeys.has(pairKey(adept, mentor))) return;
    forbiddenKeys.add(pairKey(adept, mentor));
    forbidden.push({ adept, mentor });
  };
  for (const failed of await repo.failedPairs(db, programme.id)) forbid(failed.adept_id, failed.mentor_id);
  for (const d of decisions) if (d.kind === 'forbid') forbid(d.adept_id, d.mentor_id);
  // Someone who is both adept and mentor is never their own mentor.
  for (const id of adeptIds) if (mentorIds.has(id)) forbid(id, id);
  forbidden.sort((x, y) => (pairKey(x.adept, x.mentor) < pairKey(y.adept, y.mentor) ? -1 : 1));

  // Locks the engine can keep; the others are reported on the board.
  const free = new Map(
    mentors.map((m) => [m.id, (m.mentor?.capacity ?? 0) - (currentByMentor.get(m.id) ?? 0)]),
  );
  const locked: { adept: string; mentor: string }[] = [];
  const droppedLocks: Snapshot['droppedLocks'] = [];
  const lockedAdepts = new Set<string>();
  for (const d of decisions.filter((x) => x.kind === 'lock')) {
    if (options.withoutLocks || options.onlyAdept) continue;
    // A lock whose adept has been published has done its work.
    if (paired.has(d.adept_id)) continue;
    const left = free.get(d.mentor_id) ?? 0;
    const why = !adeptIds.has(d.adept_id)
      ? 'adept'
      : !mentorIds.has(d.mentor_id) || left <= 0
        ? 'mentor'
        : forbiddenKeys.has(pairKey(d.adept_id, d.mentor_id))
          ? 'forbidden'
          : lockedAdepts.has(d.adept_id)
            ? 'twice'
            : null;
    if (why) {
      droppedLocks.push({ decision: d, why });
      continue;
    }
    free.set(d.mentor_id, left - 1);
    lockedAdepts.add(d.adept_id);
    locked.push({ adept: d.adept_id, mentor: d.mentor_id });
  }

  const organisations = await repo.organisationsOfNetwork(db, networkId);
  const used = new Set([...adepts, ...mentors].map((p) => p.organisationId));
  const inRun = organisations.filter((o) => used.has(o.id));

  const input: MatchingInput = {
    rules: matchingRulesFromSettings(settings),
    weights: settings.matching.weights,
    organisations: inRun.map((o) => ({ id: o.id, latitude: o.latitude, longitude: o.longitude })),
    adepts: adepts.map((a) => ({
      id: a.id,
      organisationId: a.organisationId,
      basics: {
        managementLevel: a.basics.managementLevel,
        sector: a.basics.sector,
        languages: a.basics.languages,
        maxTravelMinutes: a.basics.maxTravelMinutes,
        gender: a.basics.gender,
      },
      // The wishes' free text is not scored: left out of the stored input.
      needs: { developmentAreas: a.needs!.developmentAreas, wishes: { ...a.needs!.wishes, other: '' } },
    })),
    mentors: mentors.map((m) => ({
      id: m.id,
      organisationId: m.organisationId,
      basics: {
        managementLevel: m.basics.managementLevel,
        sector: m.basics.sector,
        languages: m.basics.languages,
        gender: m.basics.gender,
      },
      profile: {
        competences: m.mentor!.competences,
        experienceLevels: m.mentor!.experienceLevels,
        sectors: m.mentor!.sectors,
        capacity: m.mentor!.capacity,
      },
      currentAdepts: currentByMentor.get(m.id) ?? 0,
      admitted: true,
      trained: trainedMentors.has(m.id),
    })),
    links,
    locked,
    forbidden,
  };

  return {
    programme,
    settings,
    networkId,
    roundId: scope,
    adepts,
    mentors,
    people,
    currentByMentor,
    trainedMentors,
    input,
    decisions,
    droppedLocks,
    withoutLocation: inRun
      .filter((o) => o.latitude === null || o.longitude === null)
      .map((o) => ({ id: o.id, name: o.name })),
    conflicts,
  };
}
