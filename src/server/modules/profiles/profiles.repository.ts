import type { Queryable } from '../../db/connection.ts';
import type { ProfileTable } from '../../db/database.ts';

export type ProfileRow = ProfileTable;

export async function findProfile(db: Queryable, personId: string): Promise<ProfileRow | undefined> {
  return db.selectFrom('profiles').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

/** Writes the given parts of a profile, creating it if need be; parts left undefined stay as they are. */
export async function saveProfile(
  db: Queryable,
  personId: string,
  parts: Partial<Pick<ProfileRow, 'basics' | 'needs' | 'mentor' | 'mentor_paused_at'>>,
  now: string,
): Promise<void> {
  const existing = await findProfile(db, personId);
  if (existing) {
    await db
      .updateTable('profiles')
      .set({ ...parts, updated_at: now })
      .where('person_id', '=', personId)
      .execute();
    return;
  }
  await db
    .insertInto('profiles')
    .values({
      person_id: personId,
      basics: parts.basics ?? null,
      needs: parts.needs ?? null,
      mentor: parts.mentor ?? null,
      mentor_paused_at: parts.mentor_paused_at ?? null,
      updated_at: now,
    })
    .execute();
}
