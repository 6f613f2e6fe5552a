import type { Consent, PrivacyNotice } from '../../../shared/intake.ts';
import { type ProgrammeSettings, programmeSettingsSchema } from '../../../shared/programme.ts';
import type { Actor } from '../../authz/actor.ts';
import type { Queryable } from '../../db/connection.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../util.ts';
import * as repo from './privacy.repository.ts';

type NoticeContent = ProgrammeSettings['privacy'];

export function presentNotice(row: repo.NoticeRow): PrivacyNotice {
  const content = JSON.parse(row.content) as NoticeContent;
  return {
    id: row.id,
    programmeId: row.programme_id,
    version: row.version,
    text: content.noticeText,
    purposes: content.purposes,
    createdAt: row.created_at,
  };
}

/**
 * The programme's notice as a numbered version. A new version is made whenever the programme's
 * notice text or purposes change, so every application and consent points at the words the person
 * actually read.
 */
export async function ensureCurrentNotice(
  db: Queryable,
  programme: { id: string; settings: ProgrammeSettings },
  now: string,
): Promise<repo.NoticeRow> {
  const content = JSON.stringify(programme.settings.privacy);
  const latest = await repo.findLatestNotice(db, programme.id);
  if (latest && latest.content === content) return latest;
  const row: repo.NoticeRow = {
    id: newId(),
    programme_id: programme.id,
    version: (latest?.version ?? 0) + 1,
    content,
    created_at: now,
  };
  try {
    await repo.insertNotice(db, row);
    return row;
  } catch (error) {
    // Another instance made the same version at the same moment: use theirs.
    const winner = await repo.findLatestNotice(db, programme.id);
    if (winner && winner.content === content) return winner;
    throw error;
  }
}

export function optionalPurposes(settings: ProgrammeSettings): string[] {
  return settings.privacy.purposes.filter((p) => p.optional).map((p) => p.key);
}

export async function grantConsents(
  db: Queryable,
  personId: string,
  programmeId: string,
  noticeId: string,
  purposes: string[],
  now: string,
): Promise<void> {
  for (const purpose of new Set(purposes)) {
    if (await repo.findActiveConsent(db, personId, programmeId, purpose)) continue;
    await repo.insertConsent(db, {
      id: newId(),
      person_id: personId,
      programme_id: programmeId,
      purpose,
      notice_id: noticeId,
      granted_at: now,
      withdrawn_at: null,
    });
  }
}

export async function listOwnConsents(db: Queryable, actor: Actor): Promise<Consent[]> {
  const rows = await repo.listConsentsOfPerson(db, actor.personId);
  return rows.map((row) => {
    const settings = programmeSettingsSchema.parse(JSON.parse(row.programme_settings));
    const purpose = settings.privacy.purposes.find((p) => p.key === row.purpose);
    return {
      id: row.id,
      programmeId: row.programme_id,
      programmeName: row.programme_name,
      purpose: row.purpose,
      label: purpose?.label ?? { sv: row.purpose, en: row.purpose },
      noticeVersion: Number(row.notice_version),
      grantedAt: row.granted_at,
      withdrawnAt: row.withdrawn_at,
    };
  });
}

export async function withdrawOwnConsent(
  db: Queryable,
  actor: Actor,
  id: string,
  now: string,
): Promise<Consent> {
  const consent = await repo.findConsent(db, id);
  if (!consent || consent.person_id !== actor.personId) throw notFound();
  await repo.withdrawConsent(db, id, now);
  const updated = (await listOwnConsents(db, actor)).find((c) => c.id === id);
  if (!updated) throw notFound();
  return updated;
}

export async function grantOwnConsent(
  db: Queryable,
  actor: Actor,
  programme: { id: string; settings: ProgrammeSettings },
  purpose: string,
  now: string,
): Promise<Consent> {
  if (!optionalPurposes(programme.settings).includes(purpose))
    throw AppError.validation('purpose', 'invalid_purpose');
  const notice = await ensureCurrentNotice(db, programme, now);
  await grantConsents(db, actor.personId, programme.id, notice.id, [purpose], now);
  const active = await repo.findActiveConsent(db, actor.personId, programme.id, purpose);
  const listed = (await listOwnConsents(db, actor)).find((c) => c.id === active?.id);
  if (!listed) throw notFound();
  return listed;
}
