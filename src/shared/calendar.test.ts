import { describe, expect, it } from 'vitest';
import { addDays, addMonths, todayInSweden } from './calendar.ts';

describe('calendar dates in Sweden', () => {
  it('says which day it is in Sweden, not in UTC', () => {
    // Winter (UTC+1) and summer (UTC+2): a late UTC evening is already tomorrow in Stockholm.
    expect(todayInSweden(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(todayInSweden(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(todayInSweden(new Date('2027-06-30T21:59:59Z'))).toBe('2027-06-30');
    expect(todayInSweden(new Date('2027-06-30T22:00:00Z'))).toBe('2027-07-01');
  });

  it('counts days over month ends, leap days and the changes of daylight saving time', () => {
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
    expect(addDays('2027-10-30', 2)).toBe('2027-11-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-11-24', 365)).toBe('2027-11-24');
  });

  it('counts months to the last day of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-24', 12)).toBe('2027-11-24');
    expect(addMonths('2026-11-24', 18)).toBe('2028-05-24');
    expect(addMonths('2027-03-15', -3)).toBe('2026-12-15');
  });
});
