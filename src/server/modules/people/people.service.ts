import type { z } from 'zod';
import type {
  Person,
  peopleQuerySchema,
  RoleAssignment,
  updatePersonBodySchema,
} from '../../../shared/api.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { authorize, can, visibleOrganisationIds } from '../../authz/policy.ts';
import type { Db } from '../../db/connection.ts';
import { AppError, notFound } from '../../errors.ts';
import { nowIso } from '../../util.ts';
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
 * A person is visible through any network in which the actor may read them; the roles shown are
 * only those in such networks.
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
  const subjects = subjectsFor(id, roles);
  const readable = subjects.filter((s) => can(actor, 'read', s));
  // Nobody but the person sees someone they share no network role with.
  if (readable.length === 0 && actor?.personId !== id) throw notFound();
  if (action !== 'read' && !readable.some((s) => can(actor, action, s))) throw new AppError('forbidden');
  const readableNetworks = new Set(readable.map((s) => s.networkId));
  return { row, roles: roles.filter((r) => readableNetworks.has(r.networkId)) };
}

function subjectsFor(personId: string, roles: RoleAssignment[]) {
  const networkIds = [...new Set(roles.map((r) => r.networkId))];
  return networkIds.map((networkId) => ({
    type: 'person' as const,
    networkId,
    personId,
    organisationIds: roles
      .filter((r) => r.networkId === networkId && r.organisationId)
      .map((r) => r.organisationId as string),
  }));
}

export async function getPerson(db: Db, actor: Actor | null, id: string): Promise<Person> {
  const { row, roles } = await loadVisiblePerson(db, actor, id, 'read');
  if (actor && actor.personId !== id)
    await recordAudit(db, actor, 'read', 'person', id, roles[0]?.networkId ?? null);
  return presentPerson(row, roles);
}

export async function updatePerson(
  db: Db,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof updatePersonBodySchema>,
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
      ...(input.disabled !== undefined ? { disabled_at: input.disabled ? nowIso() : null } : {}),
      updated_at: nowIso(),
    });
    // A disabled account is signed out everywhere at once.
    if (input.disabled) await deleteSessionsOfPerson(trx, id);
    await recordAudit(trx, actor!, 'update', 'person', id, roles[0]?.networkId ?? null);
  });
  const { row } = await loadVisiblePerson(db, actor, id, 'read');
  return presentPerson(row, roles);
}
