import type { Queryable } from '../../db/connection.ts';
import type { ConsentTable, PrivacyNoticeTable } from '../../db/database.ts';

export type NoticeRow = PrivacyNoticeTable;
export type ConsentRow = ConsentTable;

export async function findLatestNotice(db: Queryable, programmeId: string): Promise<NoticeRow | undefined> {
  return db
    .selectFrom('privacy_notices')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertNotice(db: Queryable, row: NoticeRow): Promise<void> {
  await db.insertInto('privacy_notices').values(row).execute();
}

export async function insertConsent(db: Queryable, row: ConsentRow): Promise<void> {
  await db.insertInto('consents').values(row).execute();
}

export async function listConsentsOfPerson(db: Queryable, personId: string) {
  return db
    .selectFrom('consents as c')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .innerJoin('privacy_notices as n', 'n.id', 'c.notice_id')
    .selectAll('c')
    .select(['p.name as programme_name', 'p.settings as programme_settings', 'n.version as notice_version'])
    .where('c.person_id', '=', personId)
    .orderBy('c.granted_at', 'desc')
    .orderBy('c.id')
    .execute();
}

export async function findConsent(db: Queryable, id: string): Promise<ConsentRow | undefined> {
  return db.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findActiveConsent(
  db: Queryable,
  personId: string,
  programmeId: string,
  purpose: string,
) {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('person_id', '=', personId)
    .where('programme_id', '=', programmeId)
    .where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
}

export async function withdrawConsent(db: Queryable, id: string, at: string): Promise<void> {
  await db
    .updateTable('consents')
    .set({ withdrawn_at: at })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .execute();
}
