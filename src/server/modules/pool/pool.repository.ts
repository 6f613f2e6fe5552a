import type { Queryable } from '../../db/connection.ts';
import type { ExperienceExchangeTable, TrainingRecordTable } from '../../db/database.ts';

export type TrainingRecordRow = TrainingRecordTable;
export type ExperienceExchangeRow = ExperienceExchangeTable;

/** Approved mentor applications in a network, with the mentor's current profile. */
export async function listPoolMentors(
  db: Queryable,
  networkId: string,
  filter: { organisationIds: 'all' | string[]; programmeId?: string | undefined },
) {
  if (filter.organisationIds !== 'all' && filter.organisationIds.length === 0) return [];
  let query = db
    .selectFrom('applications as a')
    .innerJoin('programmes as pr', 'pr.id', 'a.programme_id')
    .innerJoin('people as pe', 'pe.id', 'a.person_id')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('profiles as prof', 'prof.person_id', 'a.person_id')
    .select([
      'a.id as application_id',
      'a.programme_id',
      'a.person_id',
      'a.basics',
      'a.mentor',
      'pe.name',
      'pe.email',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'pr.settings',
      'prof.mentor as profile_mentor',
      'prof.basics as profile_basics',
      'prof.mentor_paused_at',
    ])
    .where('pr.network_id', '=', networkId)
    .where('a.role', '=', 'mentor')
    .where('a.status', '=', 'approved')
    .where('pe.disabled_at', 'is', null);
  if (filter.programmeId) query = query.where('a.programme_id', '=', filter.programmeId);
  if (filter.organisationIds !== 'all')
    query = query.where('a.organisation_id', 'in', filter.organisationIds);
  return query.orderBy('pe.name').orderBy('a.id').execute();
}

export async function trainingRecordsOf(db: Queryable, personIds: string[]): Promise<TrainingRecordRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('training_records')
    .selectAll()
    .where('person_id', 'in', personIds)
    .orderBy('completed_on')
    .execute();
}

export async function experienceExchangesOf(
  db: Queryable,
  networkId: string,
  personIds: string[],
): Promise<Pick<ExperienceExchangeRow, 'person_id' | 'year'>[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('experience_exchanges')
    .select(['person_id', 'year'])
    .where('person_id', 'in', personIds)
    .where('network_id', '=', networkId)
    .orderBy('year')
    .execute();
}

export async function findTrainingRecord(db: Queryable, id: string): Promise<TrainingRecordRow | undefined> {
  return db.selectFrom('training_records').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTrainingStep(
  db: Queryable,
  personId: string,
  programmeId: string,
  stepKey: string,
): Promise<TrainingRecordRow | undefined> {
  return db
    .selectFrom('training_records')
    .selectAll()
    .where('person_id', '=', personId)
    .where('programme_id', '=', programmeId)
    .where('step_key', '=', stepKey)
    .executeTakeFirst();
}

export async function insertTrainingRecord(db: Queryable, row: TrainingRecordRow): Promise<void> {
  await db.insertInto('training_records').values(row).execute();
}

export async function updateTrainingDate(db: Queryable, id: string, completedOn: string): Promise<void> {
  await db.updateTable('training_records').set({ completed_on: completedOn }).where('id', '=', id).execute();
}

export async function deleteTrainingRecord(db: Queryable, id: string): Promise<void> {
  await db.deleteFrom('training_records').where('id', '=', id).execute();
}

export async function hasExperienceExchange(
  db: Queryable,
  personId: string,
  networkId: string,
  year: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('experience_exchanges')
    .select('id')
    .where('person_id', '=', personId)
    .where('network_id', '=', networkId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertExperienceExchange(db: Queryable, row: ExperienceExchangeRow): Promise<void> {
  await db.insertInto('experience_exchanges').values(row).execute();
}

/** Removes one year's record; answers whether there was one. */
export async function deleteExperienceExchange(
  db: Queryable,
  personId: string,
  networkId: string,
  year: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('experience_exchanges')
    .where('person_id', '=', personId)
    .where('network_id', '=', networkId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
