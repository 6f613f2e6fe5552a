import type { z } from 'zod';
import { todayInSweden } from '../../../shared/calendar.ts';
import type { MentorProfile, PoolMentor, ProfileBasics, trainingBodySchema } from '../../../shared/intake.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { authorize, can, type HeldRole, visibleOrganisationIds } from '../../authz/policy.ts';
import type { Db, Queryable } from '../../db/connection.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../util.ts';
import { approvalsForEligibility, parseSettings } from '../applications/applications.presenter.ts';
import { approvalsOf } from '../applications/applications.repository.ts';
import { assessEligibility } from '../applications/eligibility.ts';
import { currentPairsOf } from '../matching/matching.repository.ts';
import { findPerson, rolesOfPeople } from '../people/people.repository.ts';
import { findProgramme } from '../programmes/programmes.repository.ts';
import * as repo from './pool.repository.ts';

/**
 * The mentor pool: mentors whose application a coordinator approved, with their profile, free
 * capacity (the stated capacity less their current pairs), training and yearly experience exchange.
 */
export async function listMentorPool(
  db: Queryable,
  actor: Actor | null,
  networkId: string,
  programmeId: string | undefined,
  locale: Locale,
  now: string,
): Promise<PoolMentor[]> {
  authorize(actor, 'readMentorPool', { type: 'network', networkId });
  const rows = await repo.listPoolMentors(db, networkId, {
    organisationIds: visibleOrganisationIds(actor!, networkId),
    programmeId,
  });
  const personIds = [...new Set(rows.map((r) => r.person_id))];
  const training = await repo.trainingRecordsOf(db, personIds);
  const exchanges = await repo.experienceExchangesOf(db, networkId, personIds);

  // Places taken by current pairs (introduced or later, not ended), in any programme.
  const taken = new Map<string, number>();
  for (const pair of await currentPairsOf(db, personIds)) {
    taken.set(pair.mentor_id, (taken.get(pair.mentor_id) ?? 0) + 1);
  }
  const approvals = await approvalsOf(
    db,
    rows.map((r) => r.application_id),
  );
  const today = todayInSweden(new Date(now));
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
      freeCapacity: Math.max(0, mentor.capacity - (taken.get(row.person_id) ?? 0)),
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

/**
 * Loads the person a record is about, with every role they hold: 404 when there is no such person
 * or the actor may not see them, before anything else about the request is looked at.
 */
async function loadPerson(db: Queryable, actor: Actor | null, personId: string) {
  if (!(await findPerson(db, personId))) throw notFound();
  const roles = (await rolesOfPeople(db, [personId])).get(personId) ?? [];
  authorize(actor, 'read', { type: 'person', personId, roles });
  return { personId, roles };
}

const participant = (person: { personId: string; roles: HeldRole[] }, networkId: string) => ({
  type: 'participant' as const,
  networkId,
  ...person,
});

export async function recordTraining(
  db: Db,
  actor: Actor | null,
  personId: string,
  input: z.infer<typeof trainingBodySchema>,
  now: string,
) {
  const person = await loadPerson(db, actor, personId);
  // A programme the actor cannot see is, to them, no programme at all.
  const programme = await findProgramme(db, input.programmeId);
  if (!programme || !can(actor, 'read', { type: 'programme', networkId: programme.network_id }))
    throw AppError.validation('programmeId', 'not_in_network');
  authorize(actor, 'recordTraining', participant(person, programme.network_id));
  const settings = parseSettings(programme.settings);
  if (!settings.mentorTraining.steps.some((s) => s.key === input.stepKey)) {
    throw AppError.validation('stepKey', 'unknown_step');
  }
  const existing = await repo.findTrainingStep(db, personId, programme.id, input.stepKey);
  if (existing) {
    await repo.updateTrainingDate(db, existing.id, input.completedOn);
    return {
      id: existing.id,
      programmeId: programme.id,
      stepKey: input.stepKey,
      completedOn: input.completedOn,
    };
  }
  const id = newId();
  await repo.insertTrainingRecord(db, {
    id,
    person_id: personId,
    programme_id: programme.id,
    step_key: input.stepKey,
    completed_on: input.completedOn,
    recorded_by: actor!.personId,
    created_at: now,
  });
  return { id, programmeId: programme.id, stepKey: input.stepKey, completedOn: input.completedOn };
}

export async function deleteTrainingRecord(db: Db, actor: Actor | null, id: string): Promise<void> {
  const record = await repo.findTrainingRecord(db, id);
  const programme = record ? await findProgramme(db, record.programme_id) : undefined;
  if (!record || !programme) throw notFound();
  const roles = (await rolesOfPeople(db, [record.person_id])).get(record.person_id) ?? [];
  authorize(
    actor,
    'recordTraining',
    participant({ personId: record.person_id, roles }, programme.network_id),
  );
  await repo.deleteTrainingRecord(db, id);
}

/**
 * The network (of the person's) where the actor records their yearly exchange: the first where the
 * actor may record it; if there is none, one where the actor at least sees the person (so 403).
 */
async function exchangeSubject(db: Db, actor: Actor | null, personId: string) {
  const person = await loadPerson(db, actor, personId);
  const subjects = [...new Set(person.roles.map((r) => r.networkId))]
    .sort()
    .map((networkId) => participant(person, networkId));
  const subject =
    subjects.find((s) => can(actor, 'recordTraining', s)) ?? subjects.find((s) => can(actor, 'read', s));
  if (!subject) throw notFound();
  authorize(actor, 'recordTraining', subject);
  return subject;
}

export async function recordExperienceExchange(
  db: Db,
  actor: Actor | null,
  personId: string,
  year: number,
  now: string,
) {
  const subject = await exchangeSubject(db, actor, personId);
  if (!(await repo.hasExperienceExchange(db, personId, subject.networkId, year))) {
    await repo.insertExperienceExchange(db, {
      id: newId(),
      person_id: personId,
      network_id: subject.networkId,
      year,
      created_at: now,
    });
  }
}

/** Undoes a recorded exchange (recorded by mistake, or the person did not come after all); 404 if there is none. */
export async function deleteExperienceExchange(db: Db, actor: Actor | null, personId: string, year: number) {
  const subject = await exchangeSubject(db, actor, personId);
  if (!(await repo.deleteExperienceExchange(db, personId, subject.networkId, year))) throw notFound();
}
