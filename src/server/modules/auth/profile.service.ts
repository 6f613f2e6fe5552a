import type { Locale } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import type { Queryable } from '../../db/connection.ts';

export async function updateOwnProfile(
  db: Queryable,
  actor: Actor,
  changes: { name?: string | undefined; locale?: Locale | undefined },
  now: string,
): Promise<Actor> {
  const set = {
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
  };
  if (Object.keys(set).length > 0) {
    await db
      .updateTable('people')
      .set({ ...set, updated_at: now })
      .where('id', '=', actor.personId)
      .execute();
  }
  return { ...actor, ...set };
}
