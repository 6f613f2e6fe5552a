import type { Queryable } from '../../db/connection.ts';
import type { NetworkTable } from '../../db/database.ts';

export async function findNetwork(db: Queryable, id: string): Promise<NetworkTable | undefined> {
  return db.selectFrom('networks').selectAll().where('id', '=', id).executeTakeFirst();
}
