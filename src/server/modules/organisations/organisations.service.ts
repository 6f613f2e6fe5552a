import type { z } from 'zod';
import type { Organisation, organisationBodySchema } from '../../../shared/api.ts';
import type { Actor } from '../../authz/actor.ts';
import { authorize } from '../../authz/policy.ts';
import type { Db } from '../../db/connection.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../util.ts';
import * as repo from './organisations.repository.ts';

type OrganisationInput = z.infer<typeof organisationBodySchema>;

export function presentOrganisation(row: repo.OrganisationRow): Organisation {
  return {
    id: row.id,
    networkId: row.network_id,
    name: row.name,
    kind: row.kind as Organisation['kind'],
    orgNumber: row.org_number,
    placeName: row.place_name,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    external: Number(row.external) === 1,
    peopleCount: row.people_count,
    createdAt: row.created_at,
  };
}

export async function listOrganisations(
  db: Db,
  actor: Actor | null,
  networkId: string,
): Promise<Organisation[]> {
  authorize(actor, 'listOrganisations', { type: 'network', networkId });
  return (await repo.listOrganisations(db, networkId)).map(presentOrganisation);
}

/** Loads an organisation the actor may see; others answer 404 as if they did not exist. */
export async function getOrganisation(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<repo.OrganisationRow> {
  const row = await repo.findOrganisation(db, id);
  if (!row) throw notFound();
  authorize(actor, 'read', { type: 'organisation', networkId: row.network_id, organisationId: row.id });
  return row;
}

export async function createOrganisation(
  db: Db,
  actor: Actor | null,
  networkId: string,
  input: OrganisationInput,
  now: string,
): Promise<Organisation> {
  authorize(actor, 'createOrganisation', { type: 'network', networkId });
  return db.transaction().execute(async (trx) => {
    if (await repo.findOrganisationByName(trx, networkId, input.name))
      throw AppError.validation('name', 'duplicate');
    const id = newId();
    await repo.insertOrganisation(trx, {
      id,
      network_id: networkId,
      name: input.name,
      kind: input.kind,
      org_number: input.orgNumber ?? null,
      place_name: input.placeName ?? null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      external: input.external ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    return presentOrganisation((await repo.findOrganisation(trx, id))!);
  });
}

export async function updateOrganisation(
  db: Db,
  actor: Actor | null,
  id: string,
  input: OrganisationInput,
  now: string,
): Promise<Organisation> {
  const existing = await getOrganisation(db, actor, id);
  authorize(actor, 'update', { type: 'organisation', networkId: existing.network_id, organisationId: id });
  return db.transaction().execute(async (trx) => {
    const clash = await repo.findOrganisationByName(trx, existing.network_id, input.name);
    if (clash && clash.id !== id) throw AppError.validation('name', 'duplicate');
    await repo.updateOrganisation(trx, id, {
      name: input.name,
      kind: input.kind,
      org_number: input.orgNumber === undefined ? existing.org_number : input.orgNumber,
      // Fields left out of the body keep their value; null clears them.
      place_name: input.placeName === undefined ? existing.place_name : input.placeName,
      latitude: input.latitude === undefined ? existing.latitude : input.latitude,
      longitude: input.longitude === undefined ? existing.longitude : input.longitude,
      external: input.external === undefined ? existing.external : input.external ? 1 : 0,
      updated_at: now,
    });
    return presentOrganisation((await repo.findOrganisation(trx, id))!);
  });
}
