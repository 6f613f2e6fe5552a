import type { Generated } from 'kysely';

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
  /** Where the organisation is (for travel time in matching); set by the administrator. */
  place_name: string | null;
  latitude: number | null;
  longitude: number | null;
  /** 1 for an organisation outside the network's membership (e.g. mentors from another network). */
  external: Generated<number>;
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
  /** JSON { method, filename, content }: a calendar invitation sent with the mail, or null. */
  calendar: string | null;
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

export interface ProfileTable {
  person_id: string;
  basics: string | null;
  needs: string | null;
  mentor: string | null;
  mentor_paused_at: string | null;
  updated_at: string;
}

export interface PrivacyNoticeTable {
  id: string;
  programme_id: string;
  version: number;
  /** JSON: { text: { sv, en }, purposes: [...] } as it read when this version was made. */
  content: string;
  created_at: string;
}

export interface ApplicationTable {
  id: string;
  programme_id: string;
  round_id: string | null;
  person_id: string;
  organisation_id: string;
  role: string;
  status: string;
  basics: string;
  needs: string | null;
  mentor: string | null;
  answers: string;
  exception_reason: string | null;
  notice_id: string;
  notice_acknowledged_at: string;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  submitted_at: string;
  updated_at: string;
}

export interface ApplicationApprovalTable {
  id: string;
  application_id: string;
  position: number;
  step_key: string;
  approver: string;
  /** The approver's name as the programme gave it, JSON `{ sv, en }`: a noun phrase ("kommunens ansvariga chef"). */
  label: string;
  /** What the approver confirms, JSON `{ sv, en }`, a sentence shown on its own; null when the step says nothing more. */
  description?: string | null;
  /** The person asked, by the name the applicant typed (manager) or the account's (HR, administrators). */
  approver_name: string | null;
  approver_email: string | null;
  status: string;
  comment: string | null;
  token_hash: string | null;
  token_expires_at: string | null;
  requested_at: string | null;
  reminded_at: string | null;
  decided_at: string | null;
  decided_by: string | null;
}

export interface ConsentTable {
  id: string;
  person_id: string;
  programme_id: string;
  purpose: string;
  notice_id: string;
  granted_at: string;
  withdrawn_at: string | null;
}

export interface TrainingRecordTable {
  id: string;
  person_id: string;
  programme_id: string;
  step_key: string;
  completed_on: string;
  recorded_by: string | null;
  created_at: string;
}

export interface ExperienceExchangeTable {
  id: string;
  person_id: string;
  network_id: string;
  year: number;
  created_at: string;
}

export interface MatchingRunTable {
  id: string;
  programme_id: string;
  round_id: string | null;
  kind: string;
  adept_id: string | null;
  status: string;
  progress_phase: string | null;
  progress_fraction: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  input_hash: string;
  /** JSON: the MatchingInput given to the engine. */
  input: string;
  /** JSON: the engine's MatchingRunResult (or a ranking, for kind single). */
  result: string | null;
  verdict: string | null;
  error: string | null;
}

export interface MatchingDecisionTable {
  id: string;
  programme_id: string;
  round_id: string | null;
  adept_id: string;
  mentor_id: string;
  kind: string;
  reason: string | null;
  /** JSON list of the hard constraints accepted as broken, or null. */
  overridden: string | null;
  created_by: string | null;
  created_at: string;
  removed_by: string | null;
  removed_at: string | null;
}

export interface DeclaredConflictTable {
  id: string;
  person_id: string;
  other_name: string;
  other_email: string | null;
  reason: string;
  created_at: string;
  withdrawn_at: string | null;
}

export interface PairTable {
  id: string;
  programme_id: string;
  round_id: string | null;
  adept_id: string;
  mentor_id: string;
  status: string;
  run_id: string | null;
  score: number | null;
  max_score: number | null;
  published_by: string | null;
  published_at: string;
  updated_at: string;
  /** The date (Sweden) the process plan counts from: the day the pair was introduced. */
  plan_starts_on: string | null;
  active_since: string | null;
  planned_end_on: string | null;
  closed_at: string | null;
  /** Wrapped data key for the pair's encrypted content; null before first use and once shredded. */
  data_key: string | null;
  content_cleared_at: string | null;
  extension_months: Generated<number>;
  /** JSON: the programme's settings when the pair was introduced; null for older pairs (the programme's current). */
  settings: string | null;
}

export interface PairEventTable {
  id: string;
  pair_id: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_role: string | null;
  reason: string | null;
  created_at: string;
  /** JSON: what the transition carries besides its reason. */
  detail: string | null;
}

export interface PairAgreementTable {
  id: string;
  pair_id: string;
  kind: string;
  /** Encrypted with the pair's data key. */
  content: string | null;
  text_version: string;
  updated_by: string | null;
  updated_at: string;
}

export interface PairSignatureTable {
  id: string;
  pair_id: string;
  kind: string;
  person_id: string | null;
  role: string;
  signed_name: string;
  text_version: string;
  signed_at: string;
}

export interface BookItemTable {
  id: string;
  pair_id: string;
  kind: string;
  author_id: string | null;
  author_role: string;
  visibility: string;
  goal_id: string | null;
  meeting_id: string | null;
  /** Encrypted with the pair's data key, bound to (book_items, content, id). */
  content: string;
  coordinator_shared_at: string | null;
  coordinator_shared_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingTable {
  id: string;
  pair_id: string;
  uid: string;
  sequence: Generated<number>;
  starts_at: string;
  duration_minutes: number;
  mode: string;
  location: string;
  status: string;
  held_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
}

export interface PairMilestoneTable {
  pair_id: string;
  milestone_key: string;
  done_at: string;
  done_by: string | null;
}

export interface PairNoticeTable {
  id: string;
  pair_id: string;
  notice_key: string;
  sent_at: string;
}

export interface PairCheckinTable {
  id: string;
  pair_id: string;
  person_id: string | null;
  role: string;
  rating: number;
  /** Encrypted with the pair's data key. */
  comment: string | null;
  comment_for_coordinator: Generated<number>;
  created_at: string;
}

export interface PairRequestTable {
  id: string;
  pair_id: string;
  kind: string;
  requested_by: string | null;
  role: string;
  reason: string | null;
  months: number | null;
  seconded_at: string | null;
  created_at: string;
  decision: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

export interface ProgrammeAdvisorTable {
  programme_id: string;
  person_id: string;
  created_by: string | null;
  created_at: string;
}

export interface CalendarFeedTable {
  id: string;
  person_id: string;
  token_digest: string;
  created_at: string;
  revoked_at: string | null;
}

export interface EvaluationTable {
  id: string;
  pair_id: string;
  person_id: string | null;
  role: string;
  opened_at: string;
  completed_at: string | null;
}

export interface Database {
  matching_runs: MatchingRunTable;
  matching_decisions: MatchingDecisionTable;
  declared_conflicts: DeclaredConflictTable;
  pairs: PairTable;
  pair_events: PairEventTable;
  pair_agreements: PairAgreementTable;
  pair_signatures: PairSignatureTable;
  book_items: BookItemTable;
  meetings: MeetingTable;
  pair_milestones: PairMilestoneTable;
  pair_notices: PairNoticeTable;
  pair_checkins: PairCheckinTable;
  pair_requests: PairRequestTable;
  programme_advisors: ProgrammeAdvisorTable;
  calendar_feeds: CalendarFeedTable;
  evaluations: EvaluationTable;
  profiles: ProfileTable;
  privacy_notices: PrivacyNoticeTable;
  applications: ApplicationTable;
  application_approvals: ApplicationApprovalTable;
  consents: ConsentTable;
  training_records: TrainingRecordTable;
  experience_exchanges: ExperienceExchangeTable;
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
