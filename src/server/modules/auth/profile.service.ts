import type { Locale } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import type { Queryable } from '../../db/connection.ts';
import { nowIso } from '../../util.ts';

export async function updateOwnProfile(
  db: Queryable,
  actor: Actor,
  changes: { name?: string | undefined; locale?: Locale | undefined },
): Promise<Actor> {
  const set = {
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
  };
  if (Object.keys(set).length > 0) {
    await db
      .updateTable('people')
      .set({ ...set, updated_at: nowIso() })
      .where('id', '=', actor.personId)
      .execute();
  }
  return { ...actor, ...set };
}
