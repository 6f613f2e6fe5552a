import type { Locale } from './roles.ts';

/**
 * One way to write dates, times and money everywhere: pages, mails and exports for people.
 * Dates as plain words ("24 november 2026", "24 November 2026"), times with "kl." in Swedish, in
 * Swedish time whatever the server's clock says.
 */

const intlLocale: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };
export const displayTimeZone = 'Europe/Stockholm';

/** A calendar date ("2026-11-23") or a timestamp, shown as a date. */
export function formatDate(value: string, locale: Locale): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(intlLocale[locale], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    // A bare date means that day everywhere; don't let the time zone move it.
    timeZone: dateOnly ? 'UTC' : displayTimeZone,
  }).format(new Date(value));
}

/** A timestamp as date and time: "24 november 2026 kl. 14:05", "24 November 2026 at 14:05". */
export function formatDateTime(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: displayTimeZone,
  }).format(new Date(value));
}

/** Integer öre as Swedish kronor: 980000 → "9 800 kr"; decimals only when there are any. */
export function formatMoney(amountOre: number, locale: Locale): string {
  const whole = amountOre % 100 === 0;
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'currency',
    currency: 'SEK',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(amountOre / 100);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1 }).format(value);
}

/** A text kept in both interface languages, in the current one. */
export function localized(text: { sv: string; en: string }, locale: Locale): string {
  return text[locale] || text.sv;
}
