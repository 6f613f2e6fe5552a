import { todayInSweden } from '../../../shared/calendar.ts';
import type { PairStatus } from '../../../shared/matching.ts';
import type { ProgrammeSettings } from '../../../shared/programme.ts';
import type { Actor } from '../../authz/actor.ts';
import { type Action, authorize, type PairSubject } from '../../authz/policy.ts';
import type { Queryable } from '../../db/connection.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { parseSettings } from '../applications/applications.presenter.ts';
import { type Participant, participant } from '../matching/matching.input.ts';
import * as matchingRepo from '../matching/matching.repository.ts';
import { recordAudit } from '../privacy/audit.ts';
import { type ContentLocation, createDataKey, decryptContent, encryptContent } from './content-crypto.ts';
import * as repo from './pair.repository.ts';

/**
 * Every route of the pair's year starts here: load the pair with its two parties and the programme's
 * advisors, then ask the policy layer. What the caller may not see answers 404.
 */

export type PairRow = Awaited<ReturnType<typeof matchingRepo.findPairs>>[number];

export interface PairContext {
  pair: PairRow;
  status: PairStatus;
  settings: ProgrammeSettings;
  adept: Participant;
  mentor: Participant;
  advisorIds: string[];
  subject: PairSubject;
  /** The caller's part in the pair, or null when they are not one of the two. */
  role: 'adept' | 'mentor' | null;
}

export type LoadedPair = Omit<PairContext, 'role'>;

/** Loads a pair and its parties without asking who may see it (jobs, and after authorizing). */
export async function loadPair(db: Queryable, pairId: string): Promise<LoadedPair | null> {
  return (await loadPairs(db, [pairId]))[0] ?? null;
}

/** Pairs loaded per query: well under the bound parameters SQLite and PostgreSQL accept. */
const LOAD_CHUNK = 500;

/**
 * Loads many pairs as `loadPair` does, three queries per 500 (the follow-up, the home page, the
 * jobs), in the order asked; a pair that is gone or lacks a party's application is left out.
 */
export async function loadPairs(db: Queryable, pairIds: string[]): Promise<LoadedPair[]> {
  const loaded: LoadedPair[] = [];
  for (let i = 0; i < pairIds.length; i += LOAD_CHUNK) {
    loaded.push(...(await loadChunk(db, pairIds.slice(i, i + LOAD_CHUNK))));
  }
  return loaded;
}

async function loadChunk(db: Queryable, pairIds: string[]): Promise<LoadedPair[]> {
  const pairs = await matchingRepo.findPairs(db, pairIds);
  const programmeIds = [...new Set(pairs.map((p) => p.programme_id))];
  const personIds = [...new Set(pairs.flatMap((p) => [p.adept_id, p.mentor_id]))];
  const [applications, advisors] = await Promise.all([
    matchingRepo.participationsIn(db, programmeIds, personIds),
    repo.advisorsOfProgrammes(db, programmeIds),
  ]);
  // Newest first: the first application seen for a programme, person and role is theirs.
  const latest = new Map<string, (typeof applications)[number]>();
  for (const row of applications) {
    const key = `${row.programme_id}:${row.person_id}:${row.role}`;
    if (!latest.has(key)) latest.set(key, row);
  }
  const byId = new Map(pairs.map((p) => [p.id, p]));
  const loaded: LoadedPair[] = [];
  for (const id of pairIds) {
    const pair = byId.get(id);
    if (!pair) continue;
    const adeptRow = latest.get(`${pair.programme_id}:${pair.adept_id}:adept`);
    const mentorRow = latest.get(`${pair.programme_id}:${pair.mentor_id}:mentor`);
    if (!adeptRow || !mentorRow) continue;
    const adept = participant(adeptRow);
    const mentor = participant(mentorRow);
    const advisorIds = advisors.get(pair.programme_id) ?? [];
    loaded.push({
      pair,
      status: pair.status as PairStatus,
      settings: parseSettings(pair.programme_settings),
      adept,
      mentor,
      advisorIds,
      subject: {
        type: 'pair',
        networkId: pair.network_id,
        adeptId: pair.adept_id,
        mentorId: pair.mentor_id,
        organisationIds: [adept.organisationId, mentor.organisationId],
        advisorIds,
      },
    });
  }
  return loaded;
}

/** Loads the pair and authorizes the action; 404 for a pair the caller may not see. */
export async function pairFor(
  db: Queryable,
  actor: Actor | null,
  pairId: string,
  action: Action<'pair'>,
): Promise<PairContext> {
  if (!actor) throw new AppError('unauthenticated');
  const loaded = await loadPair(db, pairId);
  if (!loaded) throw notFound();
  authorize(actor, action, loaded.subject);
  const role =
    actor.personId === loaded.pair.adept_id
      ? 'adept'
      : actor.personId === loaded.pair.mentor_id
        ? 'mentor'
        : null;
  return { ...loaded, role };
}

/** The caller's part in a pair they act in as one of the two (after `participate`, `readContent`…). */
export function partyRole(ctx: PairContext): 'adept' | 'mentor' {
  if (!ctx.role) throw new AppError('forbidden');
  return ctx.role;
}

// --- The pair's dates ------------------------------------------------------------------------------------------

/** Today, as a calendar date in Sweden, on the clock the pair's year runs on. */
export const todayOf = (deps: Pick<Deps, 'clock'>): string => todayInSweden(deps.clock.now());

/** The date (in Sweden) the pair's process plan and duration count from: its introduction's. */
export const planStartOf = (pair: { plan_starts_on: string | null; published_at: string }): string =>
  pair.plan_starts_on ?? todayInSweden(new Date(pair.published_at));

// --- Content at rest -----------------------------------------------------------------------------------------

/**
 * The pair's wrapped data key, made on first use. Two instances racing to make it: the conditional
 * update lets one win, and both then use the stored one.
 */
export async function dataKeyOf(deps: Pick<Deps, 'keyring'>, db: Queryable, pairId: string): Promise<string> {
  const row = await repo.dataKeyRow(db, pairId);
  if (!row) throw notFound();
  if (row.data_key) return row.data_key;
  await repo.setDataKeyIfNone(db, pairId, createDataKey(deps.keyring).wrapped);
  return (await repo.dataKeyRow(db, pairId))!.data_key!;
}

/** Encrypts a value for one row of the pair's content. */
export async function sealForPair(
  deps: Pick<Deps, 'keyring'>,
  db: Queryable,
  pairId: string,
  location: ContentLocation,
  plaintext: string,
): Promise<string> {
  return encryptContent(deps.keyring, await dataKeyOf(deps, db, pairId), plaintext, location);
}

/** Decrypts a value of the pair's content; the wrapped key is passed when the caller has it. */
export function openForPair(
  deps: Pick<Deps, 'keyring'>,
  wrappedDataKey: string,
  location: ContentLocation,
  stored: string,
): string {
  return decryptContent(deps.keyring, wrappedDataKey, stored, location);
}

/** Reading or exporting the pair's content is written to the audit log (SPEC §6), dated `at`. */
export async function auditContent(
  db: Queryable,
  actor: Actor,
  action: 'read' | 'export' | 'update' | 'create',
  ctx: PairContext,
  what: string,
  at: string,
): Promise<void> {
  await recordAudit(db, actor, action, what, ctx.pair.id, ctx.pair.network_id, at);
}
