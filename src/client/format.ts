import type { Locale } from '../shared/roles.ts';

const intlLocale: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };

/** A calendar date ("2026-11-23") or a timestamp, shown as a date. */
export function formatDate(value: string, locale: Locale): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(intlLocale[locale], {
    year: 'numeric',
    month: locale === 'sv' ? '2-digit' : 'short',
    day: '2-digit',
    // A bare date means that day everywhere; don't let the time zone move it.
    timeZone: dateOnly ? 'UTC' : undefined,
  }).format(new Date(value));
}

export function formatDateTime(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(value),
  );
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
