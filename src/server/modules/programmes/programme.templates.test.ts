import { describe, expect, it } from 'vitest';
import { programmeTemplateKeys, programmeTemplateSchema } from '../../../shared/programme.ts';
import { findProgrammeTemplate, programmeTemplates } from './programme.templates.ts';

describe('built-in programme templates', () => {
  it.each(programmeTemplates.map((t) => [t.key, t] as const))(
    '%s parses with the template schema',
    (_key, template) => {
      const result = programmeTemplateSchema.safeParse(template);
      expect(result.success, JSON.stringify(result.error?.issues, null, 2)).toBe(true);
    },
  );

  it('has exactly the four template keys, once each', () => {
    const keys = programmeTemplates.map((t) => t.key);
    expect([...keys].sort()).toEqual([...programmeTemplateKeys].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('finds each template by key and returns a copy', () => {
    for (const key of programmeTemplateKeys) {
      const found = findProgrammeTemplate(key);
      expect(found.key).toBe(key);
      expect(found).toEqual(programmeTemplates.find((t) => t.key === key));
      found.settings.processPlan.length = 0;
      expect(findProgrammeTemplate(key)).toEqual(programmeTemplates.find((t) => t.key === key));
    }
  });

  it('union branch: board appointment and the 7/21/42/56-day process plan', () => {
    const { settings } = findProgrammeTemplate('union_branch');
    expect(settings.intake.mode).toBe('appointed');
    expect(settings.approvalSteps.map((s) => s.approver)).toContain('board');
    expect(settings.matching.excludeDependency).toBe(true);
    expect(settings.duration).toEqual({ months: 12, extensionMonths: 6, maxExtensions: 1 });

    const byOffset = (days: number) => settings.processPlan.filter((m) => m.offsetDays === days);
    const [contact] = byOffset(7);
    const [first] = byOffset(21);
    const [memberMeeting] = byOffset(42);
    const [plan] = byOffset(56);
    expect(contact?.roles).toEqual(['mentor']);
    expect(first?.roles).toEqual(['adept', 'mentor']);
    expect(memberMeeting?.roles).toEqual(['adept', 'mentor']);
    expect(memberMeeting?.onlyFor).toBe('ordinarie ledamöter');
    expect(plan?.roles).toEqual(['adept', 'mentor', 'manager']);
    for (const m of settings.processPlan) {
      if (m.offsetDays !== 42) expect(m.onlyFor).toBe('');
    }
    expect(settings.processPlan.some((m) => m.offsetDays === 365)).toBe(true);
  });

  it('municipal: 9 800 kr ex VAT per adept and year, mentor preferably from another municipality', () => {
    const { settings } = findProgrammeTemplate('municipal_individual');
    expect(settings.fee.basis).toBe('per_adept_per_year');
    expect(settings.fee.amountOre).toBe(980_000);
    expect(settings.matching.crossOrganisation).toBe('preferred');
    expect(settings.approvalSteps.map((s) => s.approver).sort()).toEqual(['hr', 'manager']);
    expect(settings.cadence.expectedMeetings).toBe(7);
    expect(settings.documents).toMatchObject({
      confidentialityAgreement: true,
      mentorBook: true,
      leaderProfile: true,
    });
  });

  it('Västernorrland: 6 and 36 months of managing staff, kick-off, half-time and final events', () => {
    const { settings } = findProgrammeTemplate('agency_cohort');
    expect(settings.intake.mode).toBe('cohort');
    expect(settings.eligibility.adept.minMonthsManagingStaff).toBe(6);
    expect(settings.eligibility.mentor.minMonthsManagingStaff).toBe(36);
    expect(settings.matching.crossOrganisation).toBe('required');
    expect(settings.duration.months).toBe(8);
    expect(settings.events.map((e) => e.kind)).toEqual(['kickoff', 'halftime', 'final']);
    expect(settings.events.find((e) => e.kind === 'kickoff')?.offsetDays).toBe(0);
    expect(settings.fee).toMatchObject({ basis: 'none', amountOre: 0 });
    expect(settings.documents.recommendedReading.join(' ')).toContain('Vinnande mentorskap');
  });

  it('police: 48 documented months, mentor training with a practice step of 2 meetings', () => {
    const { settings } = findProgrammeTemplate('police_pool');
    const { mentor } = settings.eligibility;
    expect(mentor.minMonthsManagingStaff).toBe(48);
    expect(mentor.experienceMustBeDocumented).toBe(true);
    expect(mentor.minCapacity).toBe(1);
    expect(mentor.requiresMentorTraining).toBe(true);
    expect(settings.mentorTraining.yearlyExperienceExchange).toBe(true);
    const practice = settings.mentorTraining.steps.filter((s) => s.practiceMeetings !== null);
    expect(practice).toHaveLength(1);
    expect(practice[0]?.practiceMeetings).toBe(2);
    expect(settings.matching.crossOrganisation).toBe('allowed');
    expect(settings.duration).toEqual({ months: 12, extensionMonths: 12, maxExtensions: 1 });
    expect(
      settings.approvalSteps.filter((s) => s.appliesTo.includes('mentor')).map((s) => s.approver),
    ).toEqual(['manager', 'hr']);
    expect(
      settings.approvalSteps.filter((s) => s.appliesTo.includes('adept')).map((s) => s.approver),
    ).toEqual(['manager']);
  });
});
