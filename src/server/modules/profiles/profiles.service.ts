import type { z } from 'zod';
import type {
  MentorProfile,
  NeedsProfile,
  Profile,
  ProfileBasics,
  updateProfileBodySchema,
} from '../../../shared/intake.ts';
import type { Actor } from '../../authz/actor.ts';
import type { Queryable } from '../../db/connection.ts';
import * as repo from './profiles.repository.ts';

const parse = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

export function presentProfile(personId: string, row: repo.ProfileRow | undefined): Profile {
  return {
    personId,
    basics: parse<ProfileBasics>(row?.basics ?? null),
    needs: parse<NeedsProfile>(row?.needs ?? null),
    mentor: parse<MentorProfile>(row?.mentor ?? null),
    mentorPaused: !!row?.mentor_paused_at,
    updatedAt: row?.updated_at ?? null,
  };
}

/** One's own profile: kept per person and reused by every later application. */
export async function getOwnProfile(db: Queryable, actor: Actor): Promise<Profile> {
  return presentProfile(actor.personId, await repo.findProfile(db, actor.personId));
}

export async function updateOwnProfile(
  db: Queryable,
  actor: Actor,
  input: z.infer<typeof updateProfileBodySchema>,
  now: string,
): Promise<Profile> {
  const existing = await repo.findProfile(db, actor.personId);
  await repo.saveProfile(
    db,
    actor.personId,
    {
      ...(input.basics ? { basics: JSON.stringify(input.basics) } : {}),
      ...(input.needs ? { needs: JSON.stringify(input.needs) } : {}),
      ...(input.mentor ? { mentor: JSON.stringify(input.mentor) } : {}),
      ...(input.mentorPaused !== undefined
        ? { mentor_paused_at: input.mentorPaused ? (existing?.mentor_paused_at ?? now) : null }
        : {}),
    },
    now,
  );
  return getOwnProfile(db, actor);
}

/** Keeps the profile in step with what an application said, so the next application starts from it. */
export async function saveProfileFromApplication(
  db: Queryable,
  personId: string,
  parts: { basics: ProfileBasics; needs?: NeedsProfile | undefined; mentor?: MentorProfile | undefined },
  now: string,
): Promise<void> {
  await repo.saveProfile(
    db,
    personId,
    {
      basics: JSON.stringify(parts.basics),
      ...(parts.needs ? { needs: JSON.stringify(parts.needs) } : {}),
      ...(parts.mentor ? { mentor: JSON.stringify(parts.mentor) } : {}),
    },
    now,
  );
}
