import { formatDateTime } from './format.ts';
import type { Locale } from './roles.ts';

/**
 * Every sentence about an approval step, in Swedish and English, for pages, mails and eligibility
 * reasons alike. A step's approver is a noun phrase ("kommunens ansvariga chef", "the
 * municipality's responsible manager") that these whole-sentence templates put in its place, so no
 * text is ever made by pasting one sentence into another.
 */

export interface ApproverName {
  sv: string;
  en: string;
}

export const approvalTemplates = {
  sv: {
    /** A step named on its own: a heading, a list item. */
    stepTitle: 'Godkännande av {{approver}}',
    toCome: 'Ansökan ska godkännas av {{approvers}}.',
    waitingAll: 'Väntar på godkännande av {{approvers}}.',
    approvedAll: 'Godkänd av {{approvers}}.',
    declinedAll: 'Inte godkänd av {{approvers}}.',
    waiting: 'Tillfrågas när stegen före är klara.',
    pending: 'Väntar på godkännande av {{approver}}.',
    pendingPerson: 'Väntar på godkännande av {{approver}} ({{person}}).',
    pendingPersonSince: 'Väntar på godkännande av {{approver}} ({{person}}), tillfrågad {{date}}.',
    approved: 'Godkänd av {{approver}} den {{date}}.',
    approvedPerson: 'Godkänd av {{approver}} ({{person}}) den {{date}}.',
    declined: 'Inte godkänd av {{approver}} den {{date}}.',
    declinedPerson: 'Inte godkänd av {{approver}} ({{person}}) den {{date}}.',
    cancelled: 'Avbrutet: ansökan avslutades innan {{approver}} hade svarat.',
    superseded: 'Ersatt: ansökan flyttades till en annan organisation, som tillfrågas på nytt.',
    /** Beside the trail, when the name the applicant typed differs from the linked account's. */
    typedName: 'Sökanden angav namnet {{typed}}.',
    /** To the approver, above the application. */
    askedAs:
      'Du är tillfrågad som {{approver}}: godkänner du att {{applicant}} deltar som {{role}} i {{programme}}?',
    youApproved: 'Du har godkänt ansökan från {{applicant}} som {{approver}}.',
    youDeclined: 'Du har svarat att du inte godkänner ansökan från {{applicant}}.',
  },
  en: {
    stepTitle: 'Approval by {{approver}}',
    toCome: 'The application is to be approved by {{approvers}}.',
    waitingAll: 'Waiting for approval by {{approvers}}.',
    approvedAll: 'Approved by {{approvers}}.',
    declinedAll: 'Not approved by {{approvers}}.',
    waiting: 'Asked once the steps before are done.',
    pending: 'Waiting for approval by {{approver}}.',
    pendingPerson: 'Waiting for approval by {{approver}} ({{person}}).',
    pendingPersonSince: 'Waiting for approval by {{approver}} ({{person}}), asked on {{date}}.',
    approved: 'Approved by {{approver}} on {{date}}.',
    approvedPerson: 'Approved by {{approver}} ({{person}}) on {{date}}.',
    declined: 'Not approved by {{approver}} on {{date}}.',
    declinedPerson: 'Not approved by {{approver}} ({{person}}) on {{date}}.',
    cancelled: 'Cancelled: the application was closed before {{approver}} had answered.',
    superseded: 'Replaced: the application moved to another organisation, which is asked anew.',
    typedName: 'The applicant gave the name {{typed}}.',
    askedAs:
      'You are asked as {{approver}}: do you approve of {{applicant}} taking part as {{role}} in {{programme}}?',
    youApproved: 'You have approved the application from {{applicant}} as {{approver}}.',
    youDeclined: 'You have answered that you do not approve the application from {{applicant}}.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type ApprovalTemplate = keyof (typeof approvalTemplates)['sv'];

/** Puts the values in their places; a placeholder without a value stays visible, which tests catch. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

export function approvalText(
  locale: Locale,
  template: ApprovalTemplate,
  values: Record<string, string> = {},
): string {
  return fill(approvalTemplates[locale][template], values);
}

/** "Kommunens ansvariga chef": the name at the start of a line. */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);
}

/** The approver's name in the language, as it stands inside a sentence. */
export function approverIn(name: ApproverName, locale: Locale): string {
  return name[locale] || name.sv;
}

/** "a, b och c" / "a, b and c". */
export function listOf(items: string[], locale: Locale): string {
  const and = locale === 'sv' ? ' och ' : ' and ';
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/** Several steps' approvers in one sentence ("Väntar på godkännande av a och b."), each named once. */
export function approversSentence(
  locale: Locale,
  template: 'toCome' | 'waitingAll' | 'approvedAll' | 'declinedAll',
  names: ApproverName[],
): string {
  const unique = [...new Set(names.map((n) => approverIn(n, locale)))];
  return approvalText(locale, template, { approvers: listOf(unique, locale) });
}

export interface StepForSentence {
  approverName: ApproverName;
  status: 'waiting' | 'pending' | 'approved' | 'declined' | 'cancelled' | 'superseded';
  /** Who was asked or who decided, by name, when known. */
  person: string | null;
  requestedAt: string | null;
  decidedAt: string | null;
}

/** Where one step stands, in one sentence: who, and when. */
export function stepSentence(step: StepForSentence, locale: Locale): string {
  const approver = approverIn(step.approverName, locale);
  const person = step.person ?? '';
  switch (step.status) {
    case 'waiting':
      return approvalText(locale, 'waiting');
    case 'pending':
      if (!person) return approvalText(locale, 'pending', { approver });
      return step.requestedAt
        ? approvalText(locale, 'pendingPersonSince', {
            approver,
            person,
            date: formatDateTime(step.requestedAt, locale),
          })
        : approvalText(locale, 'pendingPerson', { approver, person });
    case 'approved':
    case 'declined': {
      // A decided step always has its time; the trail is never without it.
      const date = formatDateTime(step.decidedAt ?? new Date(0).toISOString(), locale);
      const key = person ? (`${step.status}Person` as const) : step.status;
      return approvalText(locale, key, { approver, person, date });
    }
    case 'cancelled':
      return approvalText(locale, 'cancelled', { approver });
    case 'superseded':
      return approvalText(locale, 'superseded');
  }
}
