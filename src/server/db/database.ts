/** The one description of the database that all repositories query through. */

export interface NetworkTable {
  id: string;
  name: string;
  created_at: string;
}

export interface OrganisationTable {
  id: string;
  network_id: string;
  name: string;
  kind: string;
  org_number: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonTable {
  id: string;
  email: string;
  name: string;
  title: string | null;
  phone: string | null;
  locale: string;
  password_hash: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleAssignmentTable {
  id: string;
  person_id: string;
  network_id: string;
  organisation_id: string | null;
  programme_id: string | null;
  role: string;
  created_at: string;
}

export interface SessionTable {
  id: string;
  person_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
  ip: string | null;
}

export interface OneTimeTokenTable {
  id: string;
  purpose: string;
  person_id: string | null;
  invitation_id: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface InvitationTable {
  id: string;
  network_id: string;
  organisation_id: string | null;
  email: string;
  name: string;
  role: string;
  locale: string;
  invited_by: string | null;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface RateLimitTable {
  key: string;
  window_start: string;
  count: number;
}

export interface OutboxTable {
  id: string;
  network_id: string | null;
  kind: string;
  to_email: string;
  subject: string;
  body_text: string;
  locale: string;
  status: string;
  attempts: number;
  last_error: string | null;
  locked_until: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface ProgrammeTable {
  id: string;
  network_id: string;
  template_key: string;
  name: string;
  description: string;
  status: string;
  settings: string;
  created_at: string;
  updated_at: string;
}

export interface RoundTable {
  id: string;
  programme_id: string;
  name: string;
  starts_on: string;
  ends_on: string | null;
  applications_open_on: string | null;
  applications_close_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: string;
  network_id: string | null;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  created_at: string;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface Database {
  networks: NetworkTable;
  organisations: OrganisationTable;
  people: PersonTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  one_time_tokens: OneTimeTokenTable;
  invitations: InvitationTable;
  rate_limits: RateLimitTable;
  outbox: OutboxTable;
  programmes: ProgrammeTable;
  rounds: RoundTable;
  audit_log: AuditLogTable;
  app_meta: AppMetaTable;
}
