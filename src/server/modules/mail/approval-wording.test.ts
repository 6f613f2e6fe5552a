import { describe, expect, it } from 'vitest';
import {
  approvalTemplates,
  approvalText,
  approverIn,
  approversSentence,
  capitalize,
  stepSentence,
} from '../../../shared/approval-texts.ts';
import { type ProgrammeTemplateKey, programmeTemplateKeys } from '../../../shared/programme.ts';
import type { Locale } from '../../../shared/roles.ts';
import { assessEligibility } from '../applications/eligibility.ts';
import { findProgrammeTemplate } from '../programmes/programme.templates.ts';
import { levelNames, mailTemplates, roleNames } from './mail.templates.ts';

/**
 * Every mail and every sentence about approvals, rendered in both languages for every built-in
 * template's steps, read as a person would: no placeholder left, no step pasted into a sentence as a
 * sentence of its own ("… av kommunens ansvarige chef godkänner ansökan och …").
 */

const locales: Locale[] = ['sv', 'en'];
const statuses = ['waiting', 'pending', 'approved', 'declined', 'cancelled', 'superseded'] as const;

/** Verbs that make a label a sentence: a name must not carry one. */
const verbs = {
  sv: /\b(godkänner|godkänns|bekräftar|beslutar|anmäler|känner|ska|är)\b/i,
  en: /\b(approves|confirms|decides|reports|knows|is|are|must)\b/i,
};

function everyStep() {
  return programmeTemplateKeys.flatMap((key: ProgrammeTemplateKey) =>
    findProgrammeTemplate(key).settings.approvalSteps.map((step) => ({ template: key, step })),
  );
}

/** What no text a person reads may hold. */
function expectReadable(text: string, locale: Locale, names: string[] = []) {
  expect(text, text).not.toMatch(/\{\{|\}\}/);
  expect(text, text).not.toMatch(/\bundefined\b|\bnull\b|\[object Object\]/);
  expect(text, text).not.toMatch(/ {2}| [.,:;]|\.\./);
  if (locale === 'sv') {
    expect(text, text).not.toMatch(/godkänner ansökan och|godkänner ansökan\b[^.?]*\bgodkänner ansökan/i);
    expect(text, text).not.toMatch(/\bav [^.?]*\b(godkänner|bekräftar|beslutar|anmäler)\b/i);
  } else {
    expect(text, text).not.toMatch(/approves the application (and|approves)/i);
    expect(text, text).not.toMatch(/\bby [^.?]*\b(approves|confirms|decides|reports)\b/i);
  }
  for (const name of names) {
    // A name inside a sentence keeps its case; only at the start of a line is it capitalised.
    const inside = text.includes(name) || text.includes(capitalize(name));
    expect(inside, `${text} names ${name}`).toBe(true);
  }
}

describe('approval wording', () => {
  it('gives every built-in step an approver name that is a noun phrase, not a sentence', () => {
    for (const { template, step } of everyStep()) {
      for (const locale of locales) {
        const name = step.approverName[locale];
        expect(name, `${template}.${step.key}.${locale}`).not.toMatch(verbs[locale]);
        expect(name, `${template}.${step.key}.${locale}`).not.toMatch(/[.!?:;]$/);
        // Written to stand inside a sentence: it starts in lower case ("kommunens", "the").
        expect(name.charAt(0), `${template}.${step.key}.${locale}`).toBe(name.charAt(0).toLowerCase());
        // A description, where there is one, is a whole sentence of its own.
        const description = step.description?.[locale];
        if (description) expect(description, description).toMatch(/^[A-ZÅÄÖ].*\.$/);
      }
    }
  });

  it('builds every step sentence, in both languages, for every status, with and without a person', () => {
    for (const { step } of everyStep()) {
      for (const locale of locales) {
        const name = approverIn(step.approverName, locale);
        for (const status of statuses) {
          for (const person of [null, 'Maria Chef']) {
            const text = stepSentence(
              {
                approverName: step.approverName,
                status,
                person,
                requestedAt: '2026-11-20T09:00:00Z',
                decidedAt: '2026-11-24T13:05:00Z',
              },
              locale,
            );
            const namesApprover = ['pending', 'approved', 'declined', 'cancelled'].includes(status);
            expectReadable(text, locale, namesApprover ? [name] : []);
            if (person && ['pending', 'approved', 'declined'].includes(status))
              expect(text).toContain('(Maria Chef)');
            if (status === 'approved' || status === 'declined')
              expect(text).toContain(locale === 'sv' ? '24 november 2026 kl. 14:05' : '24 November 2026');
          }
        }
        expectReadable(approvalText(locale, 'stepTitle', { approver: name }), locale, [name]);
        expectReadable(
          approvalText(locale, 'askedAs', {
            approver: name,
            applicant: 'Anna Adept',
            role: 'adept',
            programme: 'Mentorprogram för chefer',
          }),
          locale,
          [name],
        );
        expectReadable(approvalText(locale, 'youApproved', { approver: name, applicant: 'Anna' }), locale, [
          name,
        ]);
        expectReadable(capitalize(name), locale);
      }
    }
  });

  it('reads "Väntar på godkännande av kommunens ansvariga chef", never the old pasted labels', () => {
    const steps = findProgrammeTemplate('municipal_individual').settings.approvalSteps;
    const names = steps.map((s) => s.approverName);
    expect(approversSentence('sv', 'toCome', names)).toBe(
      'Ansökan ska godkännas av kommunens ansvariga chef och personalchefen.',
    );
    expect(approversSentence('en', 'waitingAll', names)).toBe(
      "Waiting for approval by the municipality's responsible manager and the HR manager.",
    );
    expect(
      stepSentence(
        {
          approverName: names[1]!,
          status: 'declined',
          person: 'Hanna HR',
          requestedAt: null,
          decidedAt: '2026-11-24T13:05:00Z',
        },
        'sv',
      ),
    ).toBe('Inte godkänd av personalchefen (Hanna HR) den 24 november 2026 kl. 14:05.');
  });

  it('states every eligibility reason about approvals in whole sentences, to the applicant and about them', () => {
    for (const key of programmeTemplateKeys) {
      const settings = findProgrammeTemplate(key).settings;
      for (const role of ['adept', 'mentor'] as const) {
        const steps = settings.approvalSteps.filter((s) => s.appliesTo.includes(role));
        if (steps.length === 0) continue;
        for (const locale of locales) {
          for (const reader of ['applicant', 'about'] as const) {
            for (const approvals of [
              undefined,
              steps.map((s) => ({ status: 'pending', approverName: s.approverName })),
              steps.map((s) => ({ status: 'approved', approverName: s.approverName })),
              steps.map((s, i) => ({
                status: i === 0 ? 'declined' : 'cancelled',
                approverName: s.approverName,
              })),
            ]) {
              const result = assessEligibility(
                settings,
                {
                  role,
                  basics: { managingStaffSince: '2015-01-01' },
                  mentor: { capacity: 1 },
                  completedTrainingSteps: [],
                  on: '2026-11-24',
                  ...(approvals ? { approvals } : {}),
                },
                locale,
                reader,
              );
              for (const check of result.checks) expectReadable(check.text, locale);
              const text = result.checks.find((c) => c.rule === 'approvals')!.text;
              expectReadable(text, locale, [approverIn(steps[0]!.approverName, locale)]);
            }
          }
        }
      }
    }
  });

  it('renders every mail in both languages without a placeholder, and approval mails with the approver inside whole sentences', () => {
    const link = 'https://bollplank.example/x?token=abc';
    for (const locale of locales) {
      const rendered: string[] = [];
      const add = (mail: { subject: string; text: string }) => rendered.push(mail.subject, mail.text);
      add(mailTemplates.magic_link[locale]({ link, minutes: 15 }));
      add(mailTemplates.password_reset[locale]({ link, minutes: 60 }));
      for (const organisation of [null, 'Enköpings kommun']) {
        const invitation = mailTemplates.invitation[locale]({
          link,
          inviter: 'Anna Admin',
          network: 'Mentorprogrammet för chefer i Uppland',
          organisation,
          roleName: roleNames[locale].mentor!,
          days: 14,
        });
        // The network's name is used as it is, never with a genitive and "mentorprogram" pasted on.
        expect(invitation.text).not.toMatch(/Upplands mentorprogram|of Mentorprogrammet/);
        add(invitation);
      }
      add(mailTemplates.application_submitted[locale]({ programme: 'P', roleName: 'adept', link }));
      add(mailTemplates.application_ready[locale]({ applicant: 'Anna Adept', programme: 'P', link }));
      for (const { step } of everyStep()) {
        const approver = approverIn(step.approverName, locale);
        for (const reminder of [false, true]) {
          const mail = mailTemplates.approval_requested[locale]({
            applicant: 'Anna Adept',
            programme: 'Mentorprogram för chefer',
            roleName: roleNames[locale].adept!,
            approver,
            description: step.description?.[locale] ?? null,
            link,
            days: 30,
            reminder,
          });
          expectReadable(mail.text, locale, [approver]);
          add(mail);
        }
        const declined = mailTemplates.application_decided[locale]({
          programme: 'P',
          outcome: 'declined',
          approver,
          reason: 'Inte nu.',
          link,
        });
        expectReadable(declined.text, locale, [approver]);
        add(declined);
      }
      for (const outcome of ['approved', 'declined', 'rejected', 'completion_requested'] as const) {
        for (const reason of [null, 'Skäl.']) {
          add(
            mailTemplates.application_decided[locale]({
              programme: 'P',
              outcome,
              approver: null,
              reason,
              link,
            }),
          );
        }
      }
      const other = {
        name: 'Maria Mentor',
        title: 'Enhetschef',
        organisation: 'Org',
        email: 'm@example.org',
        phone: null,
        level: levelNames[locale].direct!,
        areas: 'Förändringsarbete',
        about: 'Om mig.',
        meetingPreferences: 'Gärna förmiddagar.',
      };
      for (const recipientRole of ['adept', 'mentor'] as const) {
        for (const youMakeContact of [true, false]) {
          add(
            mailTemplates.pair_introduced[locale]({
              programme: 'P',
              recipientRole,
              other,
              youMakeContact,
              link,
            }),
          );
        }
        add(mailTemplates.pair_declined[locale]({ programme: 'P', other: 'Maria', recipientRole, link }));
      }
      add(
        mailTemplates.pair_declined_coordinator[locale]({
          programme: 'P',
          adept: 'A',
          mentor: 'M',
          by: 'A',
          link,
        }),
      );
      // Every kind of mail is rendered above.
      expect(new Set(Object.keys(mailTemplates)).size).toBe(Object.keys(mailTemplates).length);
      for (const text of rendered) expectReadable(text, locale);
    }
  });

  it('keeps one word for each state of an application in the mails: "antagen", never "godkänd", for an accepted one', () => {
    const sv = mailTemplates.application_decided.sv({
      programme: 'P',
      outcome: 'approved',
      approver: null,
      reason: null,
      link: 'x',
    });
    expect(sv.text).toContain('Din ansökan är antagen.');
    expect(sv.text).not.toMatch(/ansökan är godkänd/);
    const en = mailTemplates.application_decided.en({
      programme: 'P',
      outcome: 'approved',
      approver: null,
      reason: null,
      link: 'x',
    });
    expect(en.text).toContain('Your application is accepted.');
  });

  it('has the same templates in both languages, with the same placeholders', () => {
    for (const key of Object.keys(approvalTemplates.sv) as (keyof typeof approvalTemplates.sv)[]) {
      const names = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(names(approvalTemplates.en[key]), key).toEqual(names(approvalTemplates.sv[key]));
    }
  });
});
