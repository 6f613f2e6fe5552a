import { systemClock } from '../src/server/clock.ts';
import type { Db } from '../src/server/db/connection.ts';
import { buildSnapshot } from '../src/server/modules/matching/matching.input.ts';
import { startRun } from '../src/server/modules/matching/matching.runner.ts';
import { findProgrammeTemplate } from '../src/server/modules/programmes/programme.templates.ts';
import { findProgramme } from '../src/server/modules/programmes/programmes.repository.ts';
import { newId } from '../src/server/util.ts';
import type { MentorProfile, NeedsProfile, ProfileBasics } from '../src/shared/intake.ts';
import type { ProgrammeTemplateKey } from '../src/shared/programme.ts';
import { buildPerson, nowIso } from './factories.ts';

/**
 * Admitted adepts and mentors for matching tests, written straight into the database as intake leaves
 * them (an approved application, the profile); intake's own tests cover how they got there.
 */

/** The demo municipalities' approximate coordinates. */
export const places = {
  enkoping: { placeName: 'Enköping', latitude: 59.636, longitude: 17.078 },
  habo: { placeName: 'Bålsta', latitude: 59.567, longitude: 17.532 },
  knivsta: { placeName: 'Knivsta', latitude: 59.726, longitude: 17.786 },
  vasby: { placeName: 'Upplands Väsby', latitude: 59.519, longitude: 17.928 },
  osthammar: { placeName: 'Östhammar', latitude: 60.259, longitude: 18.373 },
} as const;

export async function locate(db: Db, organisationId: string, place: (typeof places)[keyof typeof places]) {
  await db
    .updateTable('organisations')
    .set({ place_name: place.placeName, latitude: place.latitude, longitude: place.longitude })
    .where('id', '=', organisationId)
    .execute();
}

export async function createProgramme(
  db: Db,
  networkId: string,
  templateKey: ProgrammeTemplateKey,
  tweak?: (settings: any) => void,
) {
  const template = findProgrammeTemplate(templateKey);
  const settings = structuredClone(template.settings) as any;
  tweak?.(settings);
  const now = nowIso();
  const id = newId();
  await db
    .insertInto('programmes')
    .values({
      id,
      network_id: networkId,
      template_key: templateKey,
      name: `Matchning ${templateKey} ${id.slice(0, 4)}`,
      description: '',
      status: 'open',
      settings: JSON.stringify(settings),
      created_at: now,
      updated_at: now,
    })
    .execute();
  const roundId = newId();
  await db
    .insertInto('rounds')
    .values({
      id: roundId,
      programme_id: id,
      name: 'Omgång 2026/27',
      starts_on: '2026-09-01',
      ends_on: '2027-05-31',
      applications_open_on: null,
      applications_close_on: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const noticeId = newId();
  await db
    .insertInto('privacy_notices')
    .values({ id: noticeId, programme_id: id, version: 1, content: '{}', created_at: now })
    .execute();
  return { id, roundId, noticeId };
}

export const adeptBasics = (level: ProfileBasics['managementLevel'] = 'direct'): ProfileBasics => ({
  title: 'Enhetschef',
  managementLevel: level,
  staffCount: 10,
  managingStaffSince: '2024-01-01',
  sector: 'Socialtjänst',
  languages: ['svenska'],
  meetingPlaces: [],
  maxTravelMinutes: 90,
  gender: 'unspecified',
});

export const adeptNeeds = (areas: string[]): NeedsProfile => ({
  developmentAreas: areas,
  goals: 'Bli tryggare i chefsrollen.',
  wishes: { sector: '', level: null, gender: 'unspecified', otherOrganisation: true, other: 'Privat önskan' },
});

export const mentorProfile = (competences: string[], capacity = 1): MentorProfile => ({
  competences,
  experienceLevels: ['direct', 'indirect'],
  sectors: ['Socialtjänst'],
  capacity,
  meetingPreferences: 'Hos mig.',
  presentation: 'Chef sedan länge.',
});

export async function admit(
  db: Db,
  programme: { id: string; roundId: string | null; noticeId: string },
  person: { id: string; organisationId: string },
  role: 'adept' | 'mentor',
  profile: { basics?: ProfileBasics; needs?: NeedsProfile; mentor?: MentorProfile } = {},
) {
  const now = nowIso();
  const basics = profile.basics ?? adeptBasics(role === 'adept' ? 'direct' : 'indirect');
  const id = newId();
  await db
    .insertInto('applications')
    .values({
      id,
      programme_id: programme.id,
      round_id: programme.roundId,
      person_id: person.id,
      organisation_id: person.organisationId,
      role,
      status: 'approved',
      basics: JSON.stringify(basics),
      needs: role === 'adept' ? JSON.stringify(profile.needs ?? adeptNeeds(['change'])) : null,
      mentor: role === 'mentor' ? JSON.stringify(profile.mentor ?? mentorProfile(['change'])) : null,
      answers: '{}',
      exception_reason: null,
      notice_id: programme.noticeId,
      notice_acknowledged_at: now,
      decision_reason: null,
      decided_by: null,
      decided_at: now,
      submitted_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

// --- Fixtures for the authorization matrix ---------------------------------------------------------------

export interface MatchingFixture {
  programmeId: string;
  roundId: string | null;
  /** A finished batch run (cohort programmes), proposing adept → mentor. */
  runId: string | null;
  adeptId: string;
  mentorId: string;
}

interface CastPart {
  network: { id: string };
  orgA: { id: string };
  orgB: { id: string };
  adept: { id: string };
  mentor: { id: string };
  admin: { id: string };
}

/**
 * A programme where the cast's adept (organisation A) waits for a mentor and one mentor of organisation
 * B is admitted; for a cohort programme, a finished run proposes the two.
 */
export async function matchingFixture(
  db: Db,
  cast: CastPart,
  templateKey: 'agency_cohort' | 'municipal_individual',
): Promise<MatchingFixture> {
  const programme = await createProgramme(db, cast.network.id, templateKey);
  const cohort = templateKey === 'agency_cohort';
  const scope = { ...programme, roundId: cohort ? programme.roundId : null };
  const mentor = await buildPerson(db, {
    roles: [{ role: 'mentor', networkId: cast.network.id, organisationId: cast.orgB.id }],
  });
  await admit(db, scope, { id: cast.adept.id, organisationId: cast.orgA.id }, 'adept');
  await admit(db, scope, { id: mentor.id, organisationId: cast.orgB.id }, 'mentor');
  let runId: string | null = null;
  if (cohort) {
    const row = (await findProgramme(db, programme.id))!;
    const snapshot = await buildSnapshot(db, row, programme.roundId);
    runId = newId();
    const started = await startRun(
      { db, clock: systemClock },
      {
        id: runId,
        programmeId: programme.id,
        roundId: programme.roundId,
        kind: 'batch',
        adeptId: null,
        createdBy: cast.admin.id,
      },
      snapshot.input,
    );
    await started.done;
  }
  return {
    programmeId: programme.id,
    roundId: scope.roundId,
    runId,
    adeptId: cast.adept.id,
    mentorId: mentor.id,
  };
}

/** One fixture per database and name, made the first time it is asked for. */
const fixtures = new WeakMap<Db, Map<string, Promise<MatchingFixture>>>();
export function sharedMatchingFixture(
  db: Db,
  cast: CastPart,
  name: string,
  templateKey: 'agency_cohort' | 'municipal_individual',
): Promise<MatchingFixture> {
  const byName = fixtures.get(db) ?? new Map<string, Promise<MatchingFixture>>();
  fixtures.set(db, byName);
  let fixture = byName.get(name);
  if (!fixture) {
    fixture = matchingFixture(db, cast, templateKey);
    byName.set(name, fixture);
  }
  return fixture;
}

/** A fresh lock on the shared cohort fixture's proposal, to remove. */
export async function freshDecision(db: Db, fixture: MatchingFixture, by: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('matching_decisions')
    .values({
      id,
      programme_id: fixture.programmeId,
      round_id: fixture.roundId,
      adept_id: fixture.adeptId,
      mentor_id: fixture.mentorId,
      kind: 'forbid',
      reason: 'Test',
      overridden: null,
      created_by: by,
      created_at: nowIso(),
      removed_by: null,
      removed_at: null,
    })
    .execute();
  return id;
}

/** A fresh introduced pair of the cast's adept and mentor (both of organisation A), in a programme of its own. */
export async function freshPair(db: Db, cast: CastPart): Promise<string> {
  const programme = await createProgramme(db, cast.network.id, 'municipal_individual');
  const scope = { ...programme, roundId: null };
  await admit(db, scope, { id: cast.adept.id, organisationId: cast.orgA.id }, 'adept');
  await admit(db, scope, { id: cast.mentor.id, organisationId: cast.orgA.id }, 'mentor');
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('pairs')
    .values({
      id,
      programme_id: programme.id,
      round_id: null,
      adept_id: cast.adept.id,
      mentor_id: cast.mentor.id,
      status: 'introduced',
      run_id: null,
      score: 800,
      max_score: 1000,
      published_by: cast.admin.id,
      published_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A conflict declared by this person (fresh), for withdrawing. */
export async function freshConflict(db: Db, personId: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('declared_conflicts')
    .values({
      id,
      person_id: personId,
      other_name: 'Någon Annan',
      other_email: 'nagon.annan@example.org',
      reason: 'Test',
      created_at: nowIso(),
      withdrawn_at: null,
    })
    .execute();
  return id;
}
