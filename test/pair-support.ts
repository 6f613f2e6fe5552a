import type { Db } from '../src/server/db/connection.ts';
import type { Deps } from '../src/server/deps.ts';
import { sealForPair } from '../src/server/modules/pairs/pair-access.ts';
import { newId } from '../src/server/util.ts';
import type { PairStatus } from '../src/shared/matching.ts';
import type { ProgrammeTemplateKey } from '../src/shared/programme.ts';
import { buildPerson, nowIso } from './factories.ts';
import { admit, createProgramme } from './matching-support.ts';

/**
 * A published pair, written straight into the database as matching leaves it (both admitted, the pair
 * introduced) or further on in its year; the pair-year tests move it on through the API.
 */
export interface PairFixture {
  pairId: string;
  programmeId: string;
  roundId: string | null;
}

export async function createPairFixture(
  db: Db,
  options: {
    networkId: string;
    adept: { id: string; organisationId: string };
    mentor: { id: string; organisationId: string };
    publishedBy: string;
    templateKey?: ProgrammeTemplateKey;
    /** An existing programme to add the pair to, instead of a new one. */
    programme?: { id: string; roundId: string | null; noticeId: string };
    status?: PairStatus;
    /** The Swedish date the process plan counts from (default: today in UTC). */
    planStartsOn?: string;
    tweak?: (settings: any) => void;
  },
): Promise<PairFixture> {
  const programme =
    options.programme ??
    (await createProgramme(
      db,
      options.networkId,
      options.templateKey ?? 'municipal_individual',
      options.tweak,
    ));
  await admit(db, programme, options.adept, 'adept');
  await admit(db, programme, options.mentor, 'mentor');
  const id = newId();
  const now = nowIso();
  const status = options.status ?? 'introduced';
  // As publishing does: the pair keeps the programme's settings of the day it was introduced.
  const { settings } = await db
    .selectFrom('programmes')
    .select('settings')
    .where('id', '=', programme.id)
    .executeTakeFirstOrThrow();
  const planStartsOn = options.planStartsOn ?? now.slice(0, 10);
  await db
    .insertInto('pairs')
    .values({
      id,
      programme_id: programme.id,
      round_id: programme.roundId,
      adept_id: options.adept.id,
      mentor_id: options.mentor.id,
      status,
      run_id: null,
      score: 800,
      max_score: 1000,
      published_by: options.publishedBy,
      published_at: now,
      updated_at: now,
      plan_starts_on: planStartsOn,
      active_since: status === 'active' || status === 'ending' ? planStartsOn : null,
      settings,
    })
    .execute();
  return { pairId: id, programmeId: programme.id, roundId: programme.roundId };
}

/** Names a person an advisor of a programme. */
export async function appointAdvisor(db: Db, programmeId: string, personId: string): Promise<void> {
  await db
    .insertInto('programme_advisors')
    .values({ programme_id: programmeId, person_id: personId, created_by: null, created_at: nowIso() })
    .execute();
}

type CastForPairs = {
  network: { id: string };
  orgA: { id: string };
  orgB: { id: string };
  admin: { id: string };
  adept: { id: string };
  mentor: { id: string };
};

/**
 * The pair the authorization tests ask about, with those around it: an active pair of the cast's
 * adept and mentor (both of A), the programme's advisor (a manager of B, who sees its metadata only)
 * and the adept of another pair of the same programme (who sees nothing of it).
 */
export async function pairWithNeighbours(
  db: Db,
  cast: CastForPairs,
  options: { planStartsOn?: string } = {},
) {
  const person = (role: 'manager' | 'adept' | 'mentor', organisationId: string) =>
    buildPerson(db, { roles: [{ role, networkId: cast.network.id, organisationId }] });
  const advisor = await person('manager', cast.orgB.id);
  const otherPairMember = await person('adept', cast.orgA.id);
  const otherMentor = await person('mentor', cast.orgB.id);
  const pair = await createPairFixture(db, {
    networkId: cast.network.id,
    adept: { id: cast.adept.id, organisationId: cast.orgA.id },
    mentor: { id: cast.mentor.id, organisationId: cast.orgA.id },
    publishedBy: cast.admin.id,
    status: 'active',
    ...(options.planStartsOn ? { planStartsOn: options.planStartsOn } : {}),
  });
  const notice = await db
    .selectFrom('privacy_notices')
    .select('id')
    .where('programme_id', '=', pair.programmeId)
    .executeTakeFirstOrThrow();
  const otherPair = await createPairFixture(db, {
    networkId: cast.network.id,
    adept: { id: otherPairMember.id, organisationId: cast.orgA.id },
    mentor: { id: otherMentor.id, organisationId: cast.orgB.id },
    publishedBy: cast.admin.id,
    programme: { id: pair.programmeId, roundId: pair.roundId, noticeId: notice.id },
    status: 'active',
  });
  await appointAdvisor(db, pair.programmeId, advisor.id);
  return { pair, otherPair, advisor, otherPairMember };
}

/** A mentor-book item written straight into the database, sealed as the service seals it. */
export async function insertBookItem(
  deps: Pick<Deps, 'keyring'>,
  db: Db,
  item: {
    pairId: string;
    kind: string;
    authorId: string;
    authorRole: 'adept' | 'mentor';
    visibility: 'shared' | 'private';
    content: unknown;
    at?: string;
  },
): Promise<string> {
  const id = newId();
  const at = item.at ?? nowIso();
  const location = { table: 'book_items', column: 'content', rowId: id };
  await db
    .insertInto('book_items')
    .values({
      id,
      pair_id: item.pairId,
      kind: item.kind,
      author_id: item.authorId,
      author_role: item.authorRole,
      visibility: item.visibility,
      goal_id: null,
      meeting_id: null,
      content: await sealForPair(deps, db, item.pairId, location, JSON.stringify(item.content)),
      coordinator_shared_at: null,
      coordinator_shared_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** An open request of a pair, as a party leaves it (an extension, when `seconded`, joined by the other). */
export async function insertPairRequest(
  db: Db,
  request: {
    pairId: string;
    kind: 'change_of_mentor' | 'extension';
    requestedBy: string;
    role: 'adept' | 'mentor';
    reason?: string | null;
    months?: number | null;
    seconded?: boolean;
  },
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('pair_requests')
    .values({
      id,
      pair_id: request.pairId,
      kind: request.kind,
      requested_by: request.requestedBy,
      role: request.role,
      reason: request.reason ?? null,
      months: request.months ?? null,
      seconded_at: request.seconded ? now : null,
      created_at: now,
      decision: null,
      decision_reason: null,
      decided_by: null,
      decided_at: null,
    })
    .execute();
  return id;
}
