import type { RoleAssignment } from '../../shared/api.ts';
import type { Locale } from '../../shared/roles.ts';

/** Who is asking: the signed-in person with every role they hold. */
export interface Actor {
  personId: string;
  email: string;
  name: string;
  locale: Locale;
  sessionId: string;
  roles: RoleAssignment[];
}
