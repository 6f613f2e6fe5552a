import type { Actor } from '../../authz/actor.ts';
import type { Queryable } from '../../db/connection.ts';
import { newId } from '../../util.ts';

/** Who read or changed whose personal data, and when (SPEC §6): `at`, an ISO instant. */
export async function recordAudit(
  db: Queryable,
  actor: Actor,
  action: 'read' | 'update' | 'create' | 'export',
  subjectType: string,
  subjectId: string,
  networkId: string | null,
  at: string,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      network_id: networkId,
      actor_id: actor.personId,
      action,
      subject_type: subjectType,
      subject_id: subjectId,
      created_at: at,
    })
    .execute();
}
