import type { ApproverName } from '../../../shared/approval-texts.ts';
import { todayInSweden } from '../../../shared/calendar.ts';
import type {
  Application,
  Approval,
  ApproverApplication,
  MentorProfile,
  NeedsProfile,
  ProfileBasics,
} from '../../../shared/intake.ts';
import { type ProgrammeSettings, programmeSettingsSchema } from '../../../shared/programme.ts';
import type { Locale, ParticipantRole } from '../../../shared/roles.ts';
import type { Queryable } from '../../db/connection.ts';
import * as repo from './applications.repository.ts';
import { assessEligibility, type EligibilityReader } from './eligibility.ts';

/** Turning application and approval rows into the API's objects; reads what the views need, decides nothing. */

export const parseSettings = (json: string): ProgrammeSettings =>
  programmeSettingsSchema.parse(JSON.parse(json));

const decider = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export function presentApproval(row: repo.ApprovalView): Approval {
  return {
    id: row.id,
    stepKey: row.step_key,
    approver: row.approver as Approval['approver'],
    step: {
      approverName: JSON.parse(row.label) as ApproverName,
      description: row.description ? (JSON.parse(row.description) as ApproverName) : null,
    },
    approverName: row.approver_name,
    approverEmail: row.approver_email,
    approverAccount: decider(row.approver_account_id, row.approver_account_name),
    status: row.status as Approval['status'],
    comment: row.comment,
    decidedAt: row.decided_at,
    decidedBy: decider(row.decided_by, row.decided_by_name),
    requestedAt: row.requested_at,
  };
}

/** The steps that still count: not cancelled, and not superseded by a chain started again. */
export const currentApprovals = <T extends repo.ApprovalRow>(rows: T[]) =>
  rows.filter((a) => a.status !== 'cancelled' && a.status !== 'superseded');

/** The approval steps as eligibility weighs them: what still counts, with its approver's name. */
export function approvalsForEligibility(rows: repo.ApprovalRow[]) {
  return currentApprovals(rows).map((a) => ({
    status: a.status,
    approverName: JSON.parse(a.label) as ApproverName,
  }));
}

export interface PresentOptions {
  locale: Locale;
  /** Who reads: the applicant (reasons say "du") or someone who handles the application. */
  reader: EligibilityReader;
  /** Approvers see a summary: the answers the programme marks private are left out. */
  forApprover?: boolean;
  /** The moment of reading (an ISO instant): eligibility is weighed on its day. */
  now: string;
}

async function presentApplications(
  db: Queryable,
  rows: repo.ApplicationView[],
  options: PresentOptions,
): Promise<Application[]> {
  const approvals = await repo.approvalsOf(
    db,
    rows.map((r) => r.id),
  );
  const training = await repo.completedTrainingSteps(
    db,
    rows.map((r) => ({ personId: r.person_id, programmeId: r.programme_id })),
  );
  const settingsCache = new Map<string, ProgrammeSettings>();
  const today = todayInSweden(new Date(options.now));
  return rows.map((row) => {
    let settings = settingsCache.get(row.programme_id);
    if (!settings) {
      settings = parseSettings(row.programme_settings);
      settingsCache.set(row.programme_id, settings);
    }
    const basics = JSON.parse(row.basics) as ProfileBasics;
    const mentor = row.mentor ? (JSON.parse(row.mentor) as MentorProfile) : null;
    const answers = JSON.parse(row.answers) as Application['answers'];
    const privateKeys = new Set(settings.applicationQuestions.filter((q) => q.private).map((q) => q.key));
    return {
      id: row.id,
      programmeId: row.programme_id,
      programmeName: row.programme_name,
      roundId: row.round_id,
      role: row.role as ParticipantRole,
      status: row.status as Application['status'],
      applicant: { id: row.person_id, name: row.applicant_name, email: row.applicant_email },
      organisation: { id: row.organisation_id, name: row.organisation_name },
      basics,
      needs: row.needs ? (JSON.parse(row.needs) as NeedsProfile) : null,
      mentor,
      answers: options.forApprover
        ? Object.fromEntries(Object.entries(answers).filter(([key]) => !privateKeys.has(key)))
        : answers,
      eligibility: assessEligibility(
        settings,
        {
          role: row.role as ParticipantRole,
          basics,
          mentor,
          completedTrainingSteps: training.get(`${row.person_id}:${row.programme_id}`) ?? [],
          on: today,
          approvals: approvalsForEligibility(approvals.get(row.id) ?? []),
        },
        options.locale,
        options.reader,
      ),
      exceptionReason: row.exception_reason,
      approvals: (approvals.get(row.id) ?? []).map(presentApproval),
      notice: { id: row.notice_id, version: 0, acknowledgedAt: row.notice_acknowledged_at },
      decisionReason: row.decision_reason,
      decidedBy: decider(row.decided_by, row.decided_by_name),
      decidedAt: row.decided_at,
      submittedAt: row.submitted_at,
      updatedAt: row.updated_at,
    };
  });
}

async function withNoticeVersions(db: Queryable, applications: Application[]): Promise<Application[]> {
  const versions = await repo.noticeVersions(db, [...new Set(applications.map((a) => a.notice.id))]);
  return applications.map((a) => ({
    ...a,
    notice: { ...a.notice, version: versions.get(a.notice.id) ?? 0 },
  }));
}

export async function present(db: Queryable, rows: repo.ApplicationView[], options: PresentOptions) {
  return withNoticeVersions(db, await presentApplications(db, rows, options));
}

/**
 * What an approver may read of an application, made here field by field so that nothing else can
 * reach them: not the gender (for matching and statistics only), not the wishes about the mentor
 * (for matching only), not private answers, not what is written to the coordinator.
 */
export async function presentForApprover(
  db: Queryable,
  row: repo.ApplicationView,
  locale: Locale,
  now: string,
): Promise<ApproverApplication> {
  const [full] = await presentApplications(db, [row], { locale, reader: 'about', forApprover: true, now });
  const a = full!;
  const { gender: _gender, ...basics } = a.basics;
  return {
    id: a.id,
    programmeId: a.programmeId,
    programmeName: a.programmeName,
    role: a.role,
    status: a.status,
    applicant: a.applicant,
    organisation: a.organisation,
    basics,
    needs: a.needs ? { developmentAreas: a.needs.developmentAreas, goals: a.needs.goals } : null,
    mentor: a.mentor,
    answers: a.answers,
    eligibility: a.eligibility,
    approvals: a.approvals,
    submittedAt: a.submittedAt,
  };
}
