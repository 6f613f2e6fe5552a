/**
 * Calendar dates ("2026-11-24") as the programmes mean them: days in Sweden. Deadlines, application
 * periods and retention are counted in these, never in UTC dates, which are yesterday in Sweden until
 * 01:00 or 02:00 (a lint rule, lint/no-utc-calendar-date.grit, refuses `toISOString().slice(0, 10)`).
 */
import { displayTimeZone } from './format.ts';

/** The date in Sweden at an instant (by default now). */
export function todayInSweden(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: displayTimeZone }).format(now);
}

const pad = (n: number) => String(n).padStart(2, '0');
const parts = (date: string) => date.slice(0, 10).split('-').map(Number) as [number, number, number];

/** The date `days` days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const moved = new Date(Date.UTC(y, m - 1, d + days));
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** The date `months` months after `date` (the last day of a shorter month when needed). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${pad(month + 1)}-${pad(Math.min(d, lastDay))}`;
}
