import type { z } from 'zod';
import {
  type createProgrammeBodySchema,
  type Programme,
  type ProgrammeTemplateKey,
  programmeSettingsSchema,
  type Round,
  type roundBodySchema,
  type updateProgrammeBodySchema,
} from '../../../shared/programme.ts';
import type { Actor } from '../../authz/actor.ts';
import { authorize } from '../../authz/policy.ts';
import type { Db, Queryable } from '../../db/connection.ts';
import { notFound } from '../../errors.ts';
import { newId } from '../../util.ts';
import { findProgrammeTemplate } from './programme.templates.ts';
import * as repo from './programmes.repository.ts';

export function presentProgramme(row: repo.ProgrammeRow): Programme {
  return {
    id: row.id,
    networkId: row.network_id,
    templateKey: row.template_key as ProgrammeTemplateKey,
    name: row.name,
    description: row.description,
    status: row.status as Programme['status'],
    // Settings were validated on the way in; parsing again keeps the type honest if the schema grew defaults.
    settings: programmeSettingsSchema.parse(JSON.parse(row.settings)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function presentRound(row: repo.RoundRow): Round {
  return {
    id: row.id,
    programmeId: row.programme_id,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    applicationsOpenOn: row.applications_open_on,
    applicationsCloseOn: row.applications_close_on,
  };
}

export async function listProgrammes(db: Db, actor: Actor | null, networkId: string): Promise<Programme[]> {
  authorize(actor, 'listProgrammes', { type: 'network', networkId });
  return (await repo.listProgrammes(db, networkId)).map(presentProgramme);
}

async function loadProgramme(db: Queryable, actor: Actor | null, id: string, action: 'read' | 'update') {
  const row = await repo.findProgramme(db, id);
  if (!row) throw notFound();
  authorize(actor, action, { type: 'programme', networkId: row.network_id });
  return row;
}

export async function getProgramme(db: Db, actor: Actor | null, id: string): Promise<Programme> {
  return presentProgramme(await loadProgramme(db, actor, id, 'read'));
}

/** A new programme starts as a draft holding a copy of its template's settings, free to edit. */
export async function createProgramme(
  db: Db,
  actor: Actor | null,
  networkId: string,
  input: z.infer<typeof createProgrammeBodySchema>,
  now: string,
): Promise<Programme> {
  authorize(actor, 'createProgramme', { type: 'network', networkId });
  const template = findProgrammeTemplate(input.templateKey);
  const row: repo.ProgrammeRow = {
    id: newId(),
    network_id: networkId,
    template_key: template.key,
    name: input.name,
    description: input.description ?? template.description.sv,
    status: 'draft',
    settings: JSON.stringify(template.settings),
    created_at: now,
    updated_at: now,
  };
  await repo.insertProgramme(db, row);
  return presentProgramme(row);
}

export async function updateProgramme(
  db: Db,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof updateProgrammeBodySchema>,
  now: string,
): Promise<Programme> {
  const existing = await loadProgramme(db, actor, id, 'update');
  const changes = {
    name: input.name,
    description: input.description,
    status: input.status,
    settings: JSON.stringify(input.settings),
    updated_at: now,
  };
  await repo.updateProgramme(db, id, changes);
  return presentProgramme({ ...existing, ...changes });
}

export async function listRounds(db: Db, actor: Actor | null, programmeId: string): Promise<Round[]> {
  await loadProgramme(db, actor, programmeId, 'read');
  return (await repo.listRounds(db, programmeId)).map(presentRound);
}

export async function createRound(
  db: Db,
  actor: Actor | null,
  programmeId: string,
  input: z.infer<typeof roundBodySchema>,
  now: string,
): Promise<Round> {
  await loadProgramme(db, actor, programmeId, 'update');
  const row: repo.RoundRow = {
    id: newId(),
    programme_id: programmeId,
    name: input.name,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    applications_open_on: input.applicationsOpenOn,
    applications_close_on: input.applicationsCloseOn,
    created_at: now,
    updated_at: now,
  };
  await repo.insertRound(db, row);
  return presentRound(row);
}

async function loadRound(db: Db, actor: Actor | null, id: string) {
  const round = await repo.findRound(db, id);
  if (!round) throw notFound();
  await loadProgramme(db, actor, round.programme_id, 'update');
  return round;
}

export async function updateRound(
  db: Db,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof roundBodySchema>,
  now: string,
): Promise<Round> {
  const round = await loadRound(db, actor, id);
  const changes = {
    name: input.name,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    applications_open_on: input.applicationsOpenOn,
    applications_close_on: input.applicationsCloseOn,
    updated_at: now,
  };
  await repo.updateRound(db, id, changes);
  return presentRound({ ...round, ...changes });
}

export async function deleteRound(db: Db, actor: Actor | null, id: string): Promise<void> {
  await loadRound(db, actor, id);
  await repo.deleteRound(db, id);
}
