import type { z } from 'zod';
import type {
  Person,
  peopleQuerySchema,
  RoleAssignment,
  updatePersonBodySchema,
} from '../../../shared/api.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { authorize, seesRole, visibleOrganisationIds } from '../../authz/policy.ts';
import type { Db } from '../../db/connection.ts';
import { notFound } from '../../errors.ts';
import { deleteSessionsOfPerson } from '../auth/auth.repository.ts';
import { recordAudit } from '../privacy/audit.ts';
import * as repo from './people.repository.ts';

function presentPerson(row: repo.PersonRow, roles: RoleAssignment[]): Person {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    title: row.title,
    locale: row.locale as Locale,
    disabled: row.disabled_at !== null,
    roles,
    createdAt: row.created_at,
  };
}

export async function listPeople(
  db: Db,
  actor: Actor | null,
  networkId: string,
  query: z.infer<typeof peopleQuerySchema>,
): Promise<Person[]> {
  authorize(actor, 'listPeople', { type: 'network', networkId });
  const organisationIds = visibleOrganisationIds(actor!, networkId);
  const rows = await repo.listPeopleInNetwork(db, networkId, { organisationIds, ...query });
  const roles = await repo.rolesOfPeople(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    presentPerson(
      row,
      (roles.get(row.id) ?? []).filter((r) => r.networkId === networkId),
    ),
  );
}

/**
 * Loads a person the actor may see and authorizes the action against every role the person holds:
 * seeing someone needs one role in your organisation or network, acting on their account needs
 * authority over all of them. The roles shown are those in networks where the actor sees the person.
 */
async function loadVisiblePerson(
  db: Db,
  actor: Actor | null,
  id: string,
  action: 'read' | 'update' | 'disable',
) {
  const row = await repo.findPerson(db, id);
  if (!row) throw notFound();
  const roles = (await repo.rolesOfPeople(db, [id])).get(id) ?? [];
  authorize(actor, action, { type: 'person', personId: id, roles });
  const self = actor?.personId === id;
  const readableNetworks = new Set(roles.filter((r) => self || seesRole(actor!, r)).map((r) => r.networkId));
  return { row, roles: roles.filter((r) => readableNetworks.has(r.networkId)) };
}

/** A person as `actor` may read them; another's reading is audited, dated `now` (an ISO instant). */
export async function getPerson(db: Db, actor: Actor | null, id: string, now: string): Promise<Person> {
  const { row, roles } = await loadVisiblePerson(db, actor, id, 'read');
  if (actor && actor.personId !== id)
    await recordAudit(db, actor, 'read', 'person', id, roles[0]?.networkId ?? null, now);
  return presentPerson(row, roles);
}

export async function updatePerson(
  db: Db,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof updatePersonBodySchema>,
  now: string,
): Promise<Person> {
  const { roles } = await loadVisiblePerson(
    db,
    actor,
    id,
    input.disabled === undefined ? 'update' : 'disable',
  );
  await db.transaction().execute(async (trx) => {
    await repo.updatePerson(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.disabled !== undefined ? { disabled_at: input.disabled ? now : null } : {}),
      updated_at: now,
    });
    // A disabled account is signed out everywhere at once.
    if (input.disabled) await deleteSessionsOfPerson(trx, id);
    await recordAudit(trx, actor!, 'update', 'person', id, roles[0]?.networkId ?? null, now);
  });
  const { row } = await loadVisiblePerson(db, actor, id, 'read');
  return presentPerson(row, roles);
}
