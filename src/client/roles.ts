import type { TFunction } from 'i18next';
import type { RoleAssignment } from '../shared/api.ts';

/** A role in words with where it is held: "Mentor, Sundsvalls kommun". */
export function describeRole(
  assignment: RoleAssignment,
  t: TFunction,
  organisationName: (id: string | null) => string,
): string {
  const role = t(`common.roles.${assignment.role}`);
  const where = assignment.organisationId ? organisationName(assignment.organisationId) : '';
  return where ? t('common.roleAt', { role, where }) : role;
}
