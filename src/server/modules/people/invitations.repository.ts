import { chunk } from '../../db/batch.ts';
import type { Queryable } from '../../db/connection.ts';
import type { InvitationTable } from '../../db/database.ts';

export type InvitationRow = InvitationTable;

export async function insertInvitation(db: Queryable, row: InvitationRow): Promise<void> {
  await db.insertInto('invitations').values(row).execute();
}

export async function findInvitation(db: Queryable, id: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listInvitations(
  db: Queryable,
  networkId: string,
  organisationIds: 'all' | string[],
): Promise<InvitationRow[]> {
  if (organisationIds !== 'all' && organisationIds.length === 0) return [];
  let query = db.selectFrom('invitations').selectAll().where('network_id', '=', networkId);
  if (organisationIds !== 'all') query = query.where('organisation_id', 'in', organisationIds);
  return query.orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function findPendingInvitation(
  db: Queryable,
  email: string,
  organisationId: string,
  role: string,
  now: string,
) {
  return db
    .selectFrom('invitations')
    .select('id')
    .where('email', '=', email)
    .where('organisation_id', '=', organisationId)
    .where('role', '=', role)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function markAccepted(db: Queryable, id: string, at: string): Promise<void> {
  await db.updateTable('invitations').set({ accepted_at: at }).where('id', '=', id).execute();
}

export async function markRevoked(db: Queryable, id: string, at: string): Promise<void> {
  await db.updateTable('invitations').set({ revoked_at: at }).where('id', '=', id).execute();
}

/** Many invitations in as few statements as the databases allow; the caller owns the transaction. */
export async function insertInvitations(db: Queryable, rows: readonly InvitationRow[]): Promise<void> {
  for (const part of chunk(rows)) await db.insertInto('invitations').values(part).execute();
}

/** Pending (unaccepted, unrevoked, unexpired) invitations in a network to any of these addresses. */
export async function listPendingInvitationsTo(
  db: Queryable,
  networkId: string,
  emails: readonly string[],
  now: string,
): Promise<{ email: string; organisation_id: string | null; role: string }[]> {
  const found: { email: string; organisation_id: string | null; role: string }[] = [];
  for (const part of chunk([...new Set(emails)])) {
    found.push(
      ...(await db
        .selectFrom('invitations')
        .select(['email', 'organisation_id', 'role'])
        .where('network_id', '=', networkId)
        .where('email', 'in', part)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .execute()),
    );
  }
  return found;
}
