import type { z } from 'zod';
import type { MentorProfile, PoolMentor, ProfileBasics, trainingBodySchema } from '../../../shared/intake.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { authorize, visibleOrganisationIds } from '../../authz/policy.ts';
import type { Db, Queryable } from '../../db/connection.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId, nowIso } from '../../util.ts';
import { approvalsOf } from '../applications/applications.repository.ts';
import { approvalsForEligibility, parseSettings } from '../applications/applications.service.ts';
import { assessEligibility } from '../applications/eligibility.ts';
import { findProgramme } from '../programmes/programmes.repository.ts';

/**
 * The mentor pool: mentors whose application a coordinator approved, with their profile, free
 * capacity, training and yearly experience exchange. Pairs do not exist yet, so free capacity is
 * the stated capacity; the pairs module will subtract its active pairs.
 */
export async function listMentorPool(
  db: Queryable,
  actor: Actor | null,
  networkId: string,
  programmeId: string | undefined,
  locale: Locale,
): Promise<PoolMentor[]> {
  authorize(actor, 'readMentorPool', { type: 'network', networkId });
  const organisations = visibleOrganisationIds(actor!, networkId);
  if (organisations !== 'all' && organisations.length === 0) return [];
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
  if (programmeId) query = query.where('a.programme_id', '=', programmeId);
  if (organisations !== 'all') query = query.where('a.organisation_id', 'in', organisations);
  const rows = await query.orderBy('pe.name').orderBy('a.id').execute();

  const personIds = [...new Set(rows.map((r) => r.person_id))];
  const training =
    personIds.length === 0
      ? []
      : await db
          .selectFrom('training_records')
          .selectAll()
          .where('person_id', 'in', personIds)
          .orderBy('completed_on')
          .execute();
  const exchanges =
    personIds.length === 0
      ? []
      : await db
          .selectFrom('experience_exchanges')
          .select(['person_id', 'year'])
          .where('person_id', 'in', personIds)
          .where('network_id', '=', networkId)
          .orderBy('year')
          .execute();

  const approvals = await approvalsOf(
    db,
    rows.map((r) => r.application_id),
  );
  const today = new Date().toISOString().slice(0, 10);
  return rows.map((row) => {
    const settings = parseSettings(row.settings);
    // The profile is the mentor's current word on capacity and competences; the application is the fallback.
    const mentor = JSON.parse(row.profile_mentor ?? (row.mentor as string)) as MentorProfile;
    const basics = JSON.parse(row.profile_basics ?? row.basics) as ProfileBasics;
    const records = training.filter(
      (t) => t.person_id === row.person_id && t.programme_id === row.programme_id,
    );
    const done = records.map((t) => t.step_key);
    return {
      person: { id: row.person_id, name: row.name, email: row.email },
      organisation: { id: row.organisation_id, name: row.organisation_name },
      programmeId: row.programme_id,
      applicationId: row.application_id,
      basics,
      mentor,
      capacity: mentor.capacity,
      freeCapacity: mentor.capacity,
      paused: row.mentor_paused_at !== null,
      training: records.map((t) => ({
        id: t.id,
        programmeId: t.programme_id,
        stepKey: t.step_key,
        completedOn: t.completed_on,
      })),
      trainingComplete: settings.mentorTraining.steps.every((s) => done.includes(s.key)),
      experienceExchangeYears: exchanges
        .filter((e) => e.person_id === row.person_id)
        .map((e) => Number(e.year)),
      eligibility: assessEligibility(
        settings,
        {
          role: 'mentor',
          basics,
          mentor,
          completedTrainingSteps: done,
          on: today,
          approvals: approvalsForEligibility(approvals.get(row.application_id) ?? []),
        },
        locale,
      ),
    };
  });
}

async function personSubject(db: Queryable, personId: string, networkId: string) {
  const roles = await db
    .selectFrom('role_assignments')
    .select('organisation_id')
    .where('person_id', '=', personId)
    .where('network_id', '=', networkId)
    .execute();
  return {
    type: 'person' as const,
    networkId,
    personId,
    organisationIds: roles.map((r) => r.organisation_id).filter((id): id is string => id !== null),
  };
}

export async function recordTraining(
  db: Db,
  actor: Actor | null,
  personId: string,
  input: z.infer<typeof trainingBodySchema>,
) {
  const programme = await findProgramme(db, input.programmeId);
  if (!programme) throw AppError.validation('programmeId', 'not_in_network');
  authorize(actor, 'recordTraining', await personSubject(db, personId, programme.network_id));
  const settings = parseSettings(programme.settings);
  if (!settings.mentorTraining.steps.some((s) => s.key === input.stepKey)) {
    throw AppError.validation('stepKey', 'unknown_step');
  }
  const existing = await db
    .selectFrom('training_records')
    .selectAll()
    .where('person_id', '=', personId)
    .where('programme_id', '=', programme.id)
    .where('step_key', '=', input.stepKey)
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('training_records')
      .set({ completed_on: input.completedOn })
      .where('id', '=', existing.id)
      .execute();
    return {
      id: existing.id,
      programmeId: programme.id,
      stepKey: input.stepKey,
      completedOn: input.completedOn,
    };
  }
  const id = newId();
  await db
    .insertInto('training_records')
    .values({
      id,
      person_id: personId,
      programme_id: programme.id,
      step_key: input.stepKey,
      completed_on: input.completedOn,
      recorded_by: actor!.personId,
      created_at: nowIso(),
    })
    .execute();
  return { id, programmeId: programme.id, stepKey: input.stepKey, completedOn: input.completedOn };
}

export async function deleteTrainingRecord(db: Db, actor: Actor | null, id: string): Promise<void> {
  const record = await db.selectFrom('training_records').selectAll().where('id', '=', id).executeTakeFirst();
  const programme = record ? await findProgramme(db, record.programme_id) : undefined;
  if (!record || !programme) throw notFound();
  authorize(actor, 'recordTraining', await personSubject(db, record.person_id, programme.network_id));
  await db.deleteFrom('training_records').where('id', '=', id).execute();
}

export async function recordExperienceExchange(db: Db, actor: Actor | null, personId: string, year: number) {
  const networks = actor?.roles.map((r) => r.networkId) ?? [];
  // The exchange is recorded in a network where the actor may record training for the person.
  for (const networkId of new Set(networks)) {
    const subject = await personSubject(db, personId, networkId);
    if (subject.organisationIds.length === 0) continue;
    authorize(actor, 'recordTraining', subject);
    const exists = await db
      .selectFrom('experience_exchanges')
      .select('id')
      .where('person_id', '=', personId)
      .where('network_id', '=', networkId)
      .where('year', '=', year)
      .executeTakeFirst();
    if (!exists) {
      await db
        .insertInto('experience_exchanges')
        .values({ id: newId(), person_id: personId, network_id: networkId, year, created_at: nowIso() })
        .execute();
    }
    return;
  }
  throw notFound();
}
