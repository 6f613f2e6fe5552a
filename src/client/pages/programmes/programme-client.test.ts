import { describe, expect, it } from 'vitest';
import { applicationWindow } from '../../../shared/applicationPeriod.ts';
import { todayInSweden } from '../../../shared/calendar.ts';
import type { Round } from '../../../shared/programme.ts';
import { keyFromLabel, slugify, withGeneratedKeys, withKeys } from './keys.ts';

describe('keys made from labels', () => {
  it('slugifies Swedish labels to the key format', () => {
    expect(slugify('Att leda chefer')).toBe('att-leda-chefer');
    expect(slugify('Förändring & mål – år 2')).toBe('forandring-mal-ar-2');
    expect(slugify('  ')).toBe('');
    expect(slugify('x'.repeat(80)).length).toBeLessThanOrEqual(36);
    expect(slugify('Å'.repeat(80))).toMatch(/^[a-z0-9_-]+$/);
  });

  it('keeps keys unique and falls back when the label has no letters', () => {
    expect(keyFromLabel('Mål', new Set(['mal', 'mal-2']), 'area')).toBe('mal-3');
    expect(keyFromLabel('???', new Set(), 'area')).toBe('area');
    expect(keyFromLabel('', new Set(['area']), 'area')).toBe('area-2');
  });

  it('makes keys only for items that have none, never changing a saved key', () => {
    const items = [
      { key: 'budget', label: 'Budget' },
      { key: '', label: 'Budget' },
      { key: '', label: 'Budget' },
      { key: 'kept', label: 'Anything' },
    ];
    expect(withKeys(items, (i) => i.label, 'area').map((i) => i.key)).toEqual([
      'budget',
      'budget-2',
      'budget-3',
      'kept',
    ]);
  });

  it('fills every list of the settings, options inside questions too', async () => {
    const { findProgrammeTemplate } = await import(
      '../../../server/modules/programmes/programme.templates.ts'
    );
    const settings = findProgrammeTemplate('municipal_individual').settings;
    const next = withGeneratedKeys({
      ...settings,
      processPlan: [
        ...settings.processPlan,
        {
          key: '',
          title: { sv: 'Tredje mötet', en: 'Third meeting' },
          offsetDays: 60,
          roles: ['adept'],
          onlyFor: '',
        },
      ],
      applicationQuestions: [
        {
          key: '',
          forRoles: ['adept'],
          type: 'choice',
          label: { sv: 'Hur hörde du om oss?', en: 'How did you hear?' },
          options: [
            { key: '', label: { sv: 'Kollega', en: 'Colleague' } },
            { key: '', label: { sv: 'Kollega', en: 'Colleague' } },
          ],
          scaleMax: null,
          required: false,
          private: false,
        },
      ],
    });
    expect(next.processPlan.at(-1)?.key).toBe('tredje-motet');
    expect(next.applicationQuestions[0]?.key).toBe('hur-horde-du-om-oss');
    expect(next.applicationQuestions[0]?.options.map((o) => o.key)).toEqual(['kollega', 'kollega-2']);
    expect(next.developmentAreas).toEqual(settings.developmentAreas);
  });
});

function round(patch: Partial<Round>): Round {
  return {
    id: 'r',
    programmeId: 'p',
    name: 'Omgång',
    startsOn: '2026-01-01',
    endsOn: null,
    applicationsOpenOn: null,
    applicationsCloseOn: null,
    ...patch,
  };
}

describe('the application window', () => {
  const today = '2026-11-24';

  it('is closed whatever the rounds say when the programme is not open', () => {
    expect(applicationWindow('draft', [round({})], today)).toEqual({ state: 'not_open' });
    expect(applicationWindow('closed', [], today)).toEqual({ state: 'not_open' });
  });

  it('is open all year without rounds or periods', () => {
    expect(applicationWindow('open', [], today)).toMatchObject({ state: 'open', closesOn: null });
    expect(applicationWindow('open', [round({})], today)).toMatchObject({ state: 'open', closesOn: null });
  });

  it('is open on the first and the last day of the period, and says the last day', () => {
    const r = round({ applicationsOpenOn: today, applicationsCloseOn: '2026-12-15' });
    expect(applicationWindow('open', [r], today)).toMatchObject({ state: 'open', closesOn: '2026-12-15' });
    const last = round({ applicationsOpenOn: '2026-10-01', applicationsCloseOn: today });
    expect(applicationWindow('open', [last], today)).toMatchObject({ state: 'open', closesOn: today });
  });

  it('says when applying opens next', () => {
    const rounds = [
      round({ id: 'late', applicationsOpenOn: '2027-08-01', applicationsCloseOn: '2027-08-31' }),
      round({ id: 'soon', applicationsOpenOn: '2027-02-01', applicationsCloseOn: null }),
    ];
    expect(applicationWindow('open', rounds, today)).toMatchObject({
      state: 'upcoming',
      opensOn: '2027-02-01',
      closesOn: null,
    });
  });

  it('says when the last period closed, and ignores rounds that have ended', () => {
    const rounds = [
      round({ applicationsOpenOn: '2026-03-01', applicationsCloseOn: '2026-04-30' }),
      round({ endsOn: '2026-06-30' }),
    ];
    expect(applicationWindow('open', rounds, today)).toEqual({ state: 'ended', closedOn: '2026-04-30' });
  });

  it('reads today in Swedish time', () => {
    expect(todayInSweden(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
  });
});
