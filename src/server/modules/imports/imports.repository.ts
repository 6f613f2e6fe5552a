import { chunk } from '../../db/batch.ts';
import type { Queryable } from '../../db/connection.ts';
import type { OneTimeTokenTable } from '../../db/database.ts';

/** Roles in organisations of the network already held by the people with these addresses. */
export async function listRolesHeldBy(
  db: Queryable,
  networkId: string,
  emails: readonly string[],
): Promise<{ email: string; organisation_id: string | null; role: string }[]> {
  const found: { email: string; organisation_id: string | null; role: string }[] = [];
  for (const part of chunk([...new Set(emails)])) {
    found.push(
      ...(await db
        .selectFrom('role_assignments as ra')
        .innerJoin('people as p', 'p.id', 'ra.person_id')
        .select(['p.email as email', 'ra.organisation_id as organisation_id', 'ra.role as role'])
        .where('ra.network_id', '=', networkId)
        .where('p.email', 'in', part)
        .execute()),
    );
  }
  return found;
}

export async function insertOneTimeTokens(db: Queryable, rows: readonly OneTimeTokenTable[]): Promise<void> {
  for (const part of chunk(rows)) await db.insertInto('one_time_tokens').values(part).execute();
}
