import { addMonths, todayInSweden } from '../../../shared/calendar.ts';
import { currentPairStatuses } from '../../../shared/matching.ts';
import type {
  BookItem,
  BookItemInput,
  BookItemKind,
  GoalsSummary,
  MentorBook,
  SharedBook,
} from '../../../shared/mentor-book.ts';
import type { Actor } from '../../authz/actor.ts';
import type { Queryable } from '../../db/connection.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../util.ts';
import { parseSettings } from '../applications/applications.presenter.ts';
import * as matchingRepo from '../matching/matching.repository.ts';
import type { BookItemRow } from './book.repository.ts';
import * as repo from './book.repository.ts';
import { needsRewrap, rewrapDataKey } from './content-crypto.ts';
import { markMeetingHeld } from './meetings.service.ts';
import {
  auditContent,
  openForPair,
  type PairContext,
  pairFor,
  partyRole,
  sealForPair,
  todayOf,
} from './pair-access.ts';

/**
 * The mentor book: the pair's own workbook. Every function starts with `pairFor(…, 'readContent' |
 * 'writeContent')` (the two parties only; everyone else gets 404), content is sealed with the pair's
 * data key bound to its row, and reads, exports and changes are written to the audit log.
 *
 * Decisions (docs/encryption.md, "The mentor book"):
 * - Shared goals and their action steps may be edited by both parties (they are the pair's joint
 *   plan; ticking off a step is either one's to do). Every other item is edited by its author only.
 *   Only its author deletes an item, changes who sees it, or shares it with the coordinator.
 * - Only a shared item can be shared with the coordinator: the other party already sees what the
 *   coordinator would see. Making an item private again withdraws it from the coordinator too.
 * - Clearing: a party may always clear their own items. Once the pair has ended, either party may
 *   also clear every shared item (the joint book has served its purpose and the other party's words
 *   in it were written for the pair, not kept for either one alone); the other party's private items
 *   stay theirs to clear, and the retention rule clears whatever remains.
 */

const CONTENT = { table: 'book_items', column: 'content' } as const;
/** Kinds that both parties may edit when shared. */
const jointlyEditable: readonly BookItemKind[] = ['goal', 'action'];

const location = (rowId: string) => ({ ...CONTENT, rowId });

function personOf(actor: Actor | null): string {
  if (!actor) throw new AppError('unauthenticated');
  return actor.personId;
}

const visibleTo = (row: Pick<BookItemRow, 'visibility' | 'author_id'>, personId: string) =>
  row.visibility === 'shared' || row.author_id === personId;

/** Whether the pair has ended (closed, re-matched, cancelled, declined): its book is read-only then. */
function ended(ctx: PairContext): boolean {
  return ctx.pair.closed_at !== null || !(currentPairStatuses as readonly string[]).includes(ctx.status);
}

function assertWritable(ctx: PairContext): void {
  if (ctx.pair.content_cleared_at) {
    throw new AppError('conflict', [{ field: 'pair', message: 'book_cleared' }]);
  }
  if (ended(ctx)) throw new AppError('conflict', [{ field: 'pair', message: 'book_read_only' }]);
}

/** The date the retention rule clears a closed pair's remaining content. */
/** The Swedish calendar date the retention rule clears a pair that ended at the instant `endedAt`. */
export function clearsOn(endedAt: string | null, retentionMonths: number): string | null {
  return endedAt ? addMonths(todayInSweden(new Date(endedAt)), retentionMonths) : null;
}

function decrypt(deps: Deps, ctx: PairContext, row: BookItemRow): Record<string, unknown> {
  const wrapped = ctx.pair.data_key;
  if (!wrapped) throw new AppError('internal');
  return JSON.parse(openForPair(deps, wrapped, location(row.id), row.content)) as Record<string, unknown>;
}

function present(deps: Deps, ctx: PairContext, row: BookItemRow, personId: string): BookItem {
  const isMe = row.author_id === personId;
  const role = row.author_role === 'mentor' ? 'mentor' : 'adept';
  const author = role === 'mentor' ? ctx.mentor : ctx.adept;
  const writable = !ctx.pair.content_cleared_at && !ended(ctx);
  return {
    id: row.id,
    kind: row.kind as BookItemKind,
    visibility: row.visibility === 'private' ? 'private' : 'shared',
    author: { role, name: author.name, isMe },
    goalId: row.goal_id,
    meetingId: row.meeting_id,
    sharedWithCoordinatorAt: row.coordinator_shared_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    canEdit:
      writable &&
      (isMe || (row.visibility === 'shared' && jointlyEditable.includes(row.kind as BookItemKind))),
    canDelete: writable && isMe,
    content: decrypt(deps, ctx, row),
  } as BookItem;
}

/** The items the caller sees, with their content: shared ones and their own private ones. */
async function visibleItems(_deps: Deps, db: Queryable, ctx: PairContext, personId: string) {
  const rows = await repo.itemsOfPair(db, ctx.pair.id);
  return rows.filter((row) => visibleTo(row, personId));
}

export async function readBook(deps: Deps, actor: Actor | null, pairId: string): Promise<MentorBook> {
  const ctx = await pairFor(deps.db, actor, pairId, 'readContent');
  const personId = personOf(actor);
  const rows = await visibleItems(deps, deps.db, ctx, personId);
  await auditContent(deps.db, actor!, 'read', ctx, 'mentor_book', deps.clock.now().toISOString());
  return {
    pairId: ctx.pair.id,
    items: rows.map((row) => present(deps, ctx, row, personId)),
    readingList: ctx.settings.documents.recommendedReading,
    pairClosed: ended(ctx),
    clearedAt: ctx.pair.content_cleared_at,
    clearsOn: clearsOn(
      ended(ctx) ? (ctx.pair.closed_at ?? ctx.pair.updated_at) : null,
      ctx.settings.documents.retentionMonthsAfterClosing,
    ),
  };
}

/** The goals and the latest rating of each (overview, home page): still content, so still the pair's only. */
export async function goalsSummary(deps: Deps, actor: Actor | null, pairId: string): Promise<GoalsSummary> {
  const ctx = await pairFor(deps.db, actor, pairId, 'readContent');
  const personId = personOf(actor);
  const rows = await visibleItems(deps, deps.db, ctx, personId);
  await auditContent(deps.db, actor!, 'read', ctx, 'mentor_book_goals', deps.clock.now().toISOString());
  const items = rows.map((row) => present(deps, ctx, row, personId));
  const goals = items.filter((item) => item.kind === 'goal');
  return {
    goals: goals.map((goal) => {
      const ratings = items
        .filter((i) => i.kind === 'progress' && i.goalId === goal.id)
        .map((i) => i.content as { rating: number; ratedOn: string })
        .sort((a, b) => a.ratedOn.localeCompare(b.ratedOn));
      const steps = items.filter((i) => i.kind === 'action' && i.goalId === goal.id);
      const latest = ratings.at(-1) ?? null;
      const content = goal.content as { title: string; timeBound: string };
      return {
        id: goal.id,
        title: content.title,
        timeBound: content.timeBound,
        visibility: goal.visibility,
        latestRating: latest?.rating ?? null,
        latestRatedOn: latest?.ratedOn ?? null,
        openSteps: steps.filter((s) => !(s.content as { done: boolean }).done).length,
        doneSteps: steps.filter((s) => (s.content as { done: boolean }).done).length,
      };
    }),
  };
}

/** Checks what an item belongs to: its goal (visible to the author, and private when the goal is). */
async function checkLinks(
  db: Queryable,
  ctx: PairContext,
  personId: string,
  input: BookItemInput,
): Promise<void> {
  if (input.kind === 'action' || input.kind === 'progress') {
    const goal = await repo.findItem(db, ctx.pair.id, input.goalId);
    if (goal?.kind !== 'goal' || !visibleTo(goal, personId)) {
      throw AppError.validation('goalId', 'book_goal_not_found');
    }
    if (goal.visibility === 'private' && input.visibility === 'shared') {
      throw AppError.validation('visibility', 'book_private_goal');
    }
  }
}

export async function createItem(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  input: BookItemInput,
): Promise<BookItem> {
  const ctx = await pairFor(deps.db, actor, pairId, 'writeContent');
  assertWritable(ctx);
  const personId = personOf(actor);
  const role = partyRole(ctx);
  const id = newId();
  const now = deps.clock.now().toISOString();
  const meetingId = input.kind === 'meeting_log' ? input.meetingId : null;
  await deps.db.transaction().execute(async (trx) => {
    await checkLinks(trx, ctx, personId, input);
    if (meetingId) {
      const meeting = await repo.findMeeting(trx, ctx.pair.id, meetingId);
      if (!meeting || meeting.status === 'cancelled') {
        throw AppError.validation('meetingId', 'book_meeting_not_found');
      }
      if (!meeting.held_at) await markMeetingHeld(deps, trx, ctx, actor!, meetingId);
    }
    await repo.insertItem(trx, {
      id,
      pair_id: ctx.pair.id,
      kind: input.kind,
      author_id: personId,
      author_role: role,
      visibility: input.visibility,
      goal_id: input.kind === 'action' || input.kind === 'progress' ? input.goalId : null,
      meeting_id: meetingId,
      content: await sealForPair(deps, trx, ctx.pair.id, location(id), JSON.stringify(input.content)),
      coordinator_shared_at: null,
      coordinator_shared_by: null,
      created_at: now,
      updated_at: now,
    });
    await auditContent(trx, actor!, 'create', ctx, 'mentor_book_item', now);
  });
  return reloadItem(deps, actor, pairId, id);
}

async function reloadItem(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  itemId: string,
): Promise<BookItem> {
  const ctx = await pairFor(deps.db, actor, pairId, 'readContent');
  const row = await repo.findItem(deps.db, ctx.pair.id, itemId);
  if (!row) throw notFound();
  return present(deps, ctx, row, personOf(actor));
}

/** An item the caller may see; someone else's private item does not exist for them (404). */
async function visibleItem(db: Queryable, ctx: PairContext, personId: string, itemId: string) {
  const row = await repo.findItem(db, ctx.pair.id, itemId);
  if (!row || !visibleTo(row, personId)) throw notFound();
  return row;
}

export async function updateItem(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  itemId: string,
  input: BookItemInput,
): Promise<BookItem> {
  const ctx = await pairFor(deps.db, actor, pairId, 'writeContent');
  assertWritable(ctx);
  const personId = personOf(actor);
  await deps.db.transaction().execute(async (trx) => {
    const row = await visibleItem(trx, ctx, personId, itemId);
    const isAuthor = row.author_id === personId;
    const joint = row.visibility === 'shared' && jointlyEditable.includes(row.kind as BookItemKind);
    if (!isAuthor && !joint) throw new AppError('forbidden');
    if (input.kind !== row.kind) throw AppError.validation('kind', 'book_kind_fixed');
    if (!isAuthor && input.visibility !== row.visibility) {
      throw AppError.validation('visibility', 'book_only_author_visibility');
    }
    if ((input.kind === 'action' || input.kind === 'progress') && input.goalId !== row.goal_id) {
      throw AppError.validation('goalId', 'book_goal_fixed');
    }
    if (input.kind === 'meeting_log' && input.meetingId !== row.meeting_id) {
      throw AppError.validation('meetingId', 'book_meeting_fixed');
    }
    await checkLinks(trx, ctx, personId, input);
    const now = deps.clock.now().toISOString();
    if (row.kind === 'goal' && row.visibility === 'shared' && input.visibility === 'private') {
      // A goal made private takes its author's steps and ratings with it; the other party's refuse it.
      const children = (await repo.itemsOfPair(trx, ctx.pair.id)).filter((r) => r.goal_id === row.id);
      if (children.some((c) => c.author_id !== personId)) {
        throw AppError.validation('visibility', 'book_goal_has_others_items');
      }
      for (const child of children.filter((c) => c.visibility === 'shared')) {
        await repo.updateItem(trx, child.id, {
          content: child.content,
          visibility: 'private',
          updated_at: now,
        });
        await repo.setCoordinatorShare(trx, child.id, null);
      }
    }
    await repo.updateItem(trx, row.id, {
      content: await sealForPair(deps, trx, ctx.pair.id, location(row.id), JSON.stringify(input.content)),
      visibility: input.visibility,
      updated_at: now,
    });
    if (input.visibility === 'private' && row.coordinator_shared_at) {
      await repo.setCoordinatorShare(trx, row.id, null);
    }
    await auditContent(trx, actor!, 'update', ctx, 'mentor_book_item', now);
  });
  return reloadItem(deps, actor, pairId, itemId);
}

export async function deleteItem(deps: Deps, actor: Actor | null, pairId: string, itemId: string) {
  const ctx = await pairFor(deps.db, actor, pairId, 'writeContent');
  const personId = personOf(actor);
  await deps.db.transaction().execute(async (trx) => {
    const row = await visibleItem(trx, ctx, personId, itemId);
    if (row.author_id !== personId) throw new AppError('forbidden');
    if (row.kind === 'goal') {
      const others = (await repo.itemsOfPair(trx, ctx.pair.id)).filter(
        (r) => r.goal_id === row.id && r.author_id !== personId,
      );
      if (others.length > 0) throw AppError.validation('item', 'book_goal_has_others_items');
    }
    await repo.deleteItem(trx, ctx.pair.id, row.id);
    await auditContent(trx, actor!, 'update', ctx, 'mentor_book_item_delete', deps.clock.now().toISOString());
  });
}

/** Shares one of the caller's shared items with the coordinator (or withdraws it, `share` false). */
export async function shareWithCoordinator(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  itemId: string,
  share: boolean,
): Promise<BookItem> {
  const ctx = await pairFor(deps.db, actor, pairId, 'writeContent');
  const personId = personOf(actor);
  await deps.db.transaction().execute(async (trx) => {
    const row = await visibleItem(trx, ctx, personId, itemId);
    if (row.author_id !== personId) throw new AppError('forbidden');
    if (share) {
      assertWritable(ctx);
      if (row.visibility !== 'shared') throw AppError.validation('visibility', 'book_share_private');
      if (!row.coordinator_shared_at) {
        await repo.setCoordinatorShare(trx, row.id, { at: deps.clock.now().toISOString(), by: personId });
        // The coordinators are told that something waits for them; the mail carries none of it.
        const author = partyRole(ctx) === 'adept' ? ctx.adept : ctx.mentor;
        for (const c of await matchingRepo.coordinatorsOf(
          trx,
          ctx.pair.network_id,
          ctx.adept.organisationId,
        )) {
          await deps.mailer.enqueue(trx, {
            kind: 'book_shared_with_coordinator',
            to: c.email,
            locale: c.locale === 'en' ? 'en' : 'sv',
            networkId: ctx.pair.network_id,
            params: {
              programme: ctx.pair.programme_name,
              adept: ctx.adept.name,
              mentor: ctx.mentor.name,
              by: author.name,
              link: `${deps.config.publicUrl}/pairs/${ctx.pair.id}`,
            },
          });
        }
      }
    } else {
      await repo.setCoordinatorShare(trx, row.id, null);
    }
    await auditContent(
      trx,
      actor!,
      'update',
      ctx,
      share ? 'mentor_book_share' : 'mentor_book_unshare',
      deps.clock.now().toISOString(),
    );
  });
  return reloadItem(deps, actor, pairId, itemId);
}

/** What the pair shared with the coordinator on purpose: for those who run the programme, audit-logged. */
export async function sharedWithCoordinator(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
): Promise<SharedBook> {
  const ctx = await pairFor(deps.db, actor, pairId, 'readShared');
  const rows = await repo.itemsSharedWithCoordinator(deps.db, ctx.pair.id);
  await auditContent(deps.db, actor!, 'read', ctx, 'mentor_book_shared', deps.clock.now().toISOString());
  return {
    items: rows
      .filter((row) => row.visibility === 'shared')
      .map((row) => {
        const role = row.author_role === 'mentor' ? 'mentor' : 'adept';
        return {
          id: row.id,
          kind: row.kind as BookItemKind,
          authorRole: role,
          authorName: (role === 'mentor' ? ctx.mentor : ctx.adept).name,
          sharedAt: row.coordinator_shared_at!,
          content: decrypt(deps, ctx, row),
        };
      }),
  };
}

/** The caller's view of the book for download; audit-logged as an export. */
export async function exportBook(deps: Deps, actor: Actor | null, pairId: string) {
  const ctx = await pairFor(deps.db, actor, pairId, 'readContent');
  const personId = personOf(actor);
  const rows = await visibleItems(deps, deps.db, ctx, personId);
  const exportedAt = deps.clock.now().toISOString();
  await auditContent(deps.db, actor!, 'export', ctx, 'mentor_book', exportedAt);
  return {
    ctx,
    exportedAt,
    items: rows.map((row) => present(deps, ctx, row, personId)),
  };
}

/** Clears the caller's own items, or (once the pair has ended) every shared item as well. */
export async function clearBook(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  scope: 'own' | 'all_shared',
): Promise<{ deleted: number }> {
  const ctx = await pairFor(deps.db, actor, pairId, 'writeContent');
  const personId = personOf(actor);
  if (scope === 'all_shared' && !ended(ctx))
    throw AppError.validation('scope', 'book_clear_shared_after_end');
  return deps.db.transaction().execute(async (trx) => {
    const deleted =
      scope === 'own'
        ? await repo.deleteItemsOfAuthor(trx, ctx.pair.id, personId)
        : await repo.deleteOwnAndShared(trx, ctx.pair.id, personId);
    await auditContent(
      trx,
      actor!,
      'update',
      ctx,
      `mentor_book_clear_${scope}`,
      deps.clock.now().toISOString(),
    );
    return { deleted };
  });
}

/**
 * The retention rule (a periodic job): what remains of an ended pair's content is cleared the
 * programme's number of months after it ended (closed, re-matched, cancelled or declined); the rows go
 * and the pair's data key is shredded.
 */
export async function applyRetention(deps: Deps): Promise<number> {
  const today = todayOf(deps);
  let cleared = 0;
  for (const pair of await repo.endedPairsWithContent(deps.db)) {
    const months = parseSettings(pair.programme_settings).documents.retentionMonthsAfterClosing;
    const due = clearsOn(pair.ended_at, months);
    if (!due || today < due) continue;
    const done = await deps.db
      .transaction()
      .execute((trx) => repo.clearPairContent(trx, pair.id, deps.clock.now().toISOString()));
    if (done) cleared += 1;
  }
  return cleared;
}

/**
 * Key rotation, step 2 (docs/encryption.md): re-wraps every pair's data key under the current KEK.
 * Idempotent; the content rows are not touched. Returns how many were re-wrapped and how many are
 * still under an older key (0 once done).
 */
export async function rewrapDataKeys(
  deps: Pick<Deps, 'db' | 'keyring'>,
): Promise<{ rewrapped: number; remaining: number }> {
  let rewrapped = 0;
  for (const pair of await repo.wrappedDataKeys(deps.db)) {
    const wrapped = pair.data_key!;
    if (!needsRewrap(deps.keyring, wrapped)) continue;
    if (await repo.replaceDataKey(deps.db, pair.id, wrapped, rewrapDataKey(deps.keyring, wrapped)))
      rewrapped += 1;
  }
  const remaining = (await repo.wrappedDataKeys(deps.db)).filter((p) =>
    needsRewrap(deps.keyring, p.data_key!),
  ).length;
  return { rewrapped, remaining };
}
