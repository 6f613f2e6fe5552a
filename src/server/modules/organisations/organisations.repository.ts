import type { Insertable, Selectable } from 'kysely';
import type { Queryable } from '../../db/connection.ts';
import type { OrganisationTable } from '../../db/database.ts';

export type OrganisationRow = Selectable<OrganisationTable> & { people_count: number };

function selectOrganisations(db: Queryable) {
  return db
    .selectFrom('organisations as o')
    .selectAll('o')
    .select((eb) =>
      eb
        .selectFrom('role_assignments as ra')
        .select((e) => e.fn.count<number>('ra.person_id').distinct().as('n'))
        .whereRef('ra.organisation_id', '=', 'o.id')
        .as('people_count'),
    );
}

export async function listOrganisations(db: Queryable, networkId: string): Promise<OrganisationRow[]> {
  const rows = await selectOrganisations(db)
    .where('o.network_id', '=', networkId)
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ ...r, people_count: Number(r.people_count ?? 0) }));
}

export async function findOrganisation(db: Queryable, id: string): Promise<OrganisationRow | undefined> {
  const row = await selectOrganisations(db).where('o.id', '=', id).executeTakeFirst();
  return row ? { ...row, people_count: Number(row.people_count ?? 0) } : undefined;
}

export async function findOrganisationByName(db: Queryable, networkId: string, name: string) {
  return db
    .selectFrom('organisations')
    .select('id')
    .where('network_id', '=', networkId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertOrganisation(db: Queryable, row: Insertable<OrganisationTable>): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}

export async function updateOrganisation(
  db: Queryable,
  id: string,
  changes: Pick<
    Selectable<OrganisationTable>,
    'name' | 'kind' | 'org_number' | 'place_name' | 'latitude' | 'longitude' | 'external' | 'updated_at'
  >,
): Promise<void> {
  await db.updateTable('organisations').set(changes).where('id', '=', id).execute();
}
