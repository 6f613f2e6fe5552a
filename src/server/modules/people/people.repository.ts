import type { RoleAssignment } from '../../../shared/api.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Queryable } from '../../db/connection.ts';
import type { PersonTable, RoleAssignmentTable } from '../../db/database.ts';

export type PersonRow = PersonTable;

export async function listPeopleInNetwork(
  db: Queryable,
  networkId: string,
  filter: { organisationIds: 'all' | string[]; organisationId?: string | undefined; role?: Role | undefined },
): Promise<PersonRow[]> {
  if (filter.organisationIds !== 'all' && filter.organisationIds.length === 0) return [];
  let matching = db.selectFrom('role_assignments').select('person_id').where('network_id', '=', networkId);
  if (filter.organisationIds !== 'all')
    matching = matching.where('organisation_id', 'in', filter.organisationIds);
  if (filter.organisationId) matching = matching.where('organisation_id', '=', filter.organisationId);
  if (filter.role) matching = matching.where('role', '=', filter.role);
  return db
    .selectFrom('people')
    .selectAll()
    .where('id', 'in', matching)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function findPerson(db: Queryable, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function rolesOfPeople(
  db: Queryable,
  personIds: string[],
): Promise<Map<string, RoleAssignment[]>> {
  const byPerson = new Map<string, RoleAssignment[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('role_assignments')
    .selectAll()
    .where('person_id', 'in', personIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = byPerson.get(r.person_id) ?? [];
    list.push({
      id: r.id,
      role: r.role as Role,
      networkId: r.network_id,
      organisationId: r.organisation_id,
      programmeId: r.programme_id,
    });
    byPerson.set(r.person_id, list);
  }
  return byPerson;
}

export async function insertRoleAssignment(db: Queryable, row: RoleAssignmentTable): Promise<void> {
  await db.insertInto('role_assignments').values(row).execute();
}

export async function hasRole(db: Queryable, personId: string, role: string, organisationId: string | null) {
  let query = db
    .selectFrom('role_assignments')
    .select('id')
    .where('person_id', '=', personId)
    .where('role', '=', role);
  query = organisationId
    ? query.where('organisation_id', '=', organisationId)
    : query.where('organisation_id', 'is', null);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function updatePerson(
  db: Queryable,
  id: string,
  changes: Partial<Pick<PersonTable, 'name' | 'title' | 'disabled_at'>> & { updated_at: string },
): Promise<void> {
  await db.updateTable('people').set(changes).where('id', '=', id).execute();
}
