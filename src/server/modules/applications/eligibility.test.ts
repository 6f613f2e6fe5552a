import { describe, expect, it } from 'vitest';
import { findProgrammeTemplate } from '../programmes/programme.templates.ts';
import { assessEligibility, wholeMonthsBetween } from './eligibility.ts';

const cohort = findProgrammeTemplate('agency_cohort').settings; // adept ≥ 6 months, mentor ≥ 36 months
const police = findProgrammeTemplate('police_pool').settings; // mentor 48 documented months, training, capacity 1

const adept = (since: string | null, on = '2026-11-23') =>
  assessEligibility(
    cohort,
    { role: 'adept', basics: { managingStaffSince: since }, mentor: null, completedTrainingSteps: [], on },
    'sv',
  );
const mentor = (since: string | null, on = '2026-11-23') =>
  assessEligibility(
    cohort,
    {
      role: 'mentor',
      basics: { managingStaffSince: since },
      mentor: { capacity: 1 },
      completedTrainingSteps: [],
      on,
    },
    'en',
  );

const months = (result: ReturnType<typeof adept>) =>
  result.checks.find((c) => c.rule === 'min_months_managing_staff')!;

describe('whole months between two dates', () => {
  it.each([
    ['2026-05-23', '2026-11-23', 6],
    ['2026-05-24', '2026-11-23', 5],
    ['2023-11-24', '2026-11-23', 35],
    ['2023-11-23', '2026-11-23', 36],
    ['2026-01-31', '2026-02-28', 1],
    ['2026-01-31', '2026-02-27', 0],
    ['2024-02-29', '2025-02-28', 12],
  ])('from %s to %s is %i', (from, to, months) => {
    expect(wholeMonthsBetween(from, to)).toBe(months);
  });
});

describe('eligibility', () => {
  it('accepts an adept with exactly six months as a manager of staff', () => {
    const result = adept('2026-05-23');
    expect(result.eligible).toBe(true);
    expect(months(result)).toMatchObject({
      rule: 'min_months_managing_staff',
      met: true,
      required: 6,
      actual: 6,
    });
    expect(months(result).text).toBe('Har lett medarbetare i 6 månader (krav: 6 månader).');
  });

  it('refuses an adept one day short of six months', () => {
    const result = adept('2026-05-24');
    expect(result.eligible).toBe(false);
    expect(months(result).text).toContain('programmet kräver 6 månader');
  });

  it('refuses a mentor three years minus one day, and accepts at three years', () => {
    expect(mentor('2023-11-24').eligible).toBe(false);
    expect(months(mentor('2023-11-24')).text).toBe(
      'Has managed staff for 2 years and 11 months, but the programme requires 3 years.',
    );
    expect(mentor('2023-11-23').eligible).toBe(true);
  });

  it('refuses a missing date with a reason, and a date in the future', () => {
    const missing = adept(null);
    expect(missing.eligible).toBe(false);
    expect(months(missing)).toMatchObject({ met: false, actual: null });
    expect(months(missing).text).toContain('saknas');
    expect(adept('2027-01-01').eligible).toBe(false);
  });

  it('asks police mentors for 48 documented months, capacity and completed training', () => {
    const steps = police.mentorTraining.steps.map((s) => s.key);
    const base = { role: 'mentor' as const, basics: { managingStaffSince: '2020-01-01' }, on: '2026-11-23' };
    const untrained = assessEligibility(
      police,
      { ...base, mentor: { capacity: 1 }, completedTrainingSteps: [] },
      'sv',
    );
    expect(untrained.eligible).toBe(false);
    expect(untrained.checks.map((c) => [c.rule, c.met])).toEqual([
      ['approvals', null],
      ['min_months_managing_staff', true],
      ['documented_experience', null],
      ['min_capacity', true],
      ['mentor_training', false],
    ]);
    const trained = assessEligibility(
      police,
      { ...base, mentor: { capacity: 2 }, completedTrainingSteps: steps },
      'sv',
    );
    expect(trained.eligible).toBe(true);
  });

  it('counts the programme’s approvals as a reason: to come, waiting, given, refused', () => {
    const municipal = findProgrammeTemplate('municipal_individual').settings;
    const steps = municipal.approvalSteps.filter((s) => s.appliesTo.includes('adept'));
    const check = (approvals?: { status: string }[]) =>
      assessEligibility(
        municipal,
        {
          role: 'adept',
          basics: { managingStaffSince: null },
          mentor: null,
          completedTrainingSteps: [],
          on: '2026-11-23',
          ...(approvals
            ? { approvals: approvals.map((a, i) => ({ ...a, approverName: steps[i]!.approverName })) }
            : {}),
        },
        'sv',
      );
    const approvalsOf = (result: ReturnType<typeof check>) =>
      result.checks.find((c) => c.rule === 'approvals')!;
    expect(approvalsOf(check())).toMatchObject({ met: null });
    expect(approvalsOf(check()).text).toMatch(/^Ansökan ska godkännas av /);
    expect(approvalsOf(check([{ status: 'approved' }, { status: 'pending' }])).met).toBeNull();
    const done = check([{ status: 'approved' }, { status: 'approved' }]);
    expect(done.eligible).toBe(true);
    expect(approvalsOf(done).text).toBe('Godkänd av kommunens ansvariga chef och personalchefen.');
    expect(approvalsOf(check([{ status: 'approved' }, { status: 'pending' }])).text).toBe(
      'Väntar på godkännande av personalchefen.',
    );
    const refused = check([{ status: 'declined' }, { status: 'cancelled' }]);
    expect(refused.eligible).toBe(false);
    expect(approvalsOf(refused).text).toBe('Inte godkänd av kommunens ansvariga chef.');
  });

  it('speaks to the applicant, and about them to everyone else', () => {
    const police = findProgrammeTemplate('police_pool').settings;
    const input = {
      role: 'mentor' as const,
      basics: { managingStaffSince: null },
      mentor: { capacity: 1 },
      completedTrainingSteps: [],
      on: '2026-11-23',
    };
    const toApplicant = assessEligibility(police, input, 'sv', 'applicant').checks.map((c) => c.text);
    const about = assessEligibility(police, input, 'sv', 'about').checks.map((c) => c.text);
    expect(toApplicant).toContain('Datum för när du började leda medarbetare saknas (krav: 4 år).');
    expect(about).toContain('Datum för när sökanden började leda medarbetare saknas (krav: 4 år).');
    expect(about.join(' ')).not.toMatch(/\b(du|dig|din|ditt|dina)\b/i);
    const english = assessEligibility(police, input, 'en', 'about').checks.map((c) => c.text);
    expect(english.join(' ')).not.toMatch(/\b(you|your)\b/i);
  });
});
