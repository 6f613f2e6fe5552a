import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMatchingWeights } from '../../src/shared/programme.ts';
import {
  type E2eServer,
  expectNoA11yViolations,
  launchChromium,
  screenshot,
  signedInPage,
  startE2eServer,
} from './browser.ts';

const programmeName = 'Mentorprogram för chefer 2026';
const cohortName = 'Mentorsprogram 2026/27';

/** Every list item's internal key in a programme's settings that could not pass for a word. */
function internalKeys(settings: unknown): string[] {
  const keys: string[] = [];
  JSON.stringify(settings, (name, value: unknown) => {
    if (name === 'key' && typeof value === 'string' && /[-_]/.test(value)) keys.push(value);
    return value;
  });
  return keys;
}

describe('the programme page and the programme editor in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function freshPage(email: string, width = 1280) {
    await context?.close();
    ({ context, page } = await signedInPage(browser, server, email, width));
  }

  async function programmeId(name: string): Promise<string> {
    const row = await server.db
      .selectFrom('programmes')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const shot = (name: string) => screenshot(page, name);

  it('shows a participant a readable programme, with no form and no internal keys', async () => {
    await freshPage('adept.tibor@demo.bollplank.se');
    await page.getByRole('navigation').getByRole('link', { name: 'Program', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Program');
    await page.getByRole('main').getByRole('link', { name: programmeName }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(programmeName);
    await expect.poll(() => page.getByRole('heading', { name: 'Vem kan söka' }).count()).toBe(1);

    const main = page.locator('main');
    expect(await main.locator('input, select, textarea, fieldset, button').count()).toBe(0);
    const text = (await main.textContent()) ?? '';
    const row = await server.db
      .selectFrom('programmes')
      .select('settings')
      .where('name', '=', programmeName)
      .executeTakeFirstOrThrow();
    const keys = internalKeys(JSON.parse(row.settings));
    expect(keys).toContain('leading-leaders');
    for (const key of keys) expect(text, `the key ${key}`).not.toContain(key);
    expect(text).not.toMatch(/responsible_manager|per_adept_per_year|public_task/);

    // What it is, for whom, how long, what it costs, how to apply, and the personal-data notice.
    for (const heading of [
      'Så ansöker du',
      'Längd och möten',
      'Kostnad',
      'Omgångar och datum',
      'Dina personuppgifter',
    ]) {
      expect(await page.getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
    }
    expect(text).toMatch(/9\s800\skr per adept och år/);
    expect(text).toContain('Mentorskapet pågår i 12 månader.');
    expect(text).toContain('Rättslig grund: Allmänt intresse / myndighetsutövning.');
    expect(text).toContain('Du kan ansöka när som helst.');
    // Tibor is an adept, so he is invited to apply as one.
    expect(await page.getByRole('link', { name: 'Ansök som adept' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Redigera programmet' }).count()).toBe(0);
    await expectNoA11yViolations(page, 'programme page');
    await shot('programme-participant');

    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await expectNoA11yViolations(page, 'programme page at 390 px');
    await shot('programme-participant-390');
  });

  it('says when applying opens instead of offering to apply outside the period', async () => {
    const id = await programmeId(cohortName);
    await server.db
      .updateTable('rounds')
      .set({ applications_open_on: '2099-03-01', applications_close_on: '2099-03-31' })
      .where('programme_id', '=', id)
      .execute();
    await freshPage('adept.tibor@demo.bollplank.se');
    await page.goto(`${server.baseUrl}/programmes/${id}`);
    await expect
      .poll(() => page.locator('.apply-panel').textContent())
      .toContain('Ansökan öppnar 1 mars 2099 och stänger 31 mars 2099.');
    expect(await page.getByRole('link', { name: /Ansök som/ }).count()).toBe(0);
    expect(await page.locator('.glance').textContent()).toContain('Öppnar 1 mars 2099');
    await expectNoA11yViolations(page, 'programme page, applying not yet open');
  });

  it('shows an applicant their application instead of inviting them to apply again', async () => {
    await freshPage('adept.dick@demo.bollplank.se');
    await page.goto(`${server.baseUrl}/programmes/${await programmeId(programmeName)}`);
    const panel = page.locator('.apply-panel');
    await expect.poll(() => panel.textContent()).toContain('Du ansökte som adept den');
    expect(await panel.textContent()).toContain('Under handläggning');
    expect(await page.getByRole('link', { name: /Ansök som/ }).count()).toBe(0);
    await panel.getByRole('link', { name: 'Visa din ansökan' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/applications\/[0-9a-f-]{36}$/);
  });

  it('gives a coordinator the presentation and links to their work, not the editor', async () => {
    await freshPage('hr.knivsta@demo.bollplank.se');
    const id = await programmeId(programmeName);
    await page.goto(`${server.baseUrl}/programmes/${id}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Vem kan söka' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Ansökningar till programmet' }).getAttribute('href')).toBe(
      `/programmes/${id}/intake`,
    );
    expect(await page.getByRole('link', { name: 'Mentorpoolen' }).getAttribute('href')).toBe(
      `/pool?programmeId=${id}`,
    );
    expect(await page.getByRole('link', { name: 'Redigera programmet' }).count()).toBe(0);
    expect(await page.locator('main input, main select, main textarea').count()).toBe(0);
    await expectNoA11yViolations(page, 'programme page for a coordinator');
  });

  it('lets the administrator edit section by section, warns before unsaved changes are lost and shows a refused field', async () => {
    await freshPage('admin@demo.bollplank.se');
    const id = await programmeId(programmeName);
    await page.goto(`${server.baseUrl}/programmes/${id}`);
    await page.getByRole('link', { name: 'Redigera programmet' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/programmes/${id}/edit`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Allmänt', exact: true }).isVisible())
      .toBe(true);
    // No internal keys unless asked for.
    expect(await page.getByLabel('Intern nyckel').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain('leading-leaders');
    await expectNoA11yViolations(page, 'programme editor');
    await shot('editor-general');

    // Jump to a section through the section menu: its heading takes focus.
    const menu = page.getByRole('navigation', { name: 'Avsnitt' });
    await menu.getByRole('link', { name: 'Avgift' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?section=fee');
    // The link itself has focus first; then the section's heading.
    await expect
      .poll(() =>
        page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`),
      )
      .toBe('H2 Avgift');
    expect(await page.getByLabel('Namn', { exact: true }).isVisible()).toBe(false);
    await page.getByLabel('Anmärkning (valfritt)').fill('Faktureras adeptens kommun i januari.');
    await expect.poll(() => page.getByText('Du har ändringar som inte är sparade.').count()).toBe(1);

    // Leaving with unsaved changes asks first, in the app and when the tab is closed.
    const messages: string[] = [];
    page.once('dialog', (dialog) => {
      messages.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: '← Till programsidan' }).click();
    await expect.poll(() => messages).toEqual(['Du har ändringar som inte är sparade. Lämna sidan ändå?']);
    expect(new URL(page.url()).pathname).toBe(`/programmes/${id}/edit`);
    expect(
      await page.evaluate(() => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      }),
    ).toBe(true);
    // Moving between sections keeps the changes without asking.
    await menu.getByRole('link', { name: 'Längd och möten' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?section=length');

    // A refused save: the summary takes focus, the section with the first error is shown, and its
    // link brings the field into view above the sticky save bar.
    await page.getByLabel('Längsta tid mellan möten (veckor)').fill('2');
    await menu.getByRole('link', { name: 'Allmänt' }).click();
    await page.getByRole('button', { name: 'Spara programmet' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?section=length');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await menu.getByRole('link', { name: /Längd och möten/ }).textContent()).toContain('(1 fel)');
    await expectNoA11yViolations(page, 'programme editor with errors');
    // The message does not name its field, so the summary puts the label first.
    await page.getByRole('link', { name: /^Längsta tid mellan möten \(veckor\) – får inte/ }).click();
    const field = page.locator('#field-settings-cadence-meetingEveryWeeksMax');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('field-settings-cadence-meetingEveryWeeksMax');
    const box = (await field.boundingBox())!;
    const bar = (await page.locator('.sticky-actions').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(bar.y);
    await shot('editor-refused');

    // Corrected, with a new development area whose key is made from its label.
    await field.fill('8');
    await menu.getByRole('link', { name: 'Ansökningsformuläret' }).click();
    await page.getByRole('button', { name: 'Lägg till område' }).click();
    const areas = page.locator('section[aria-labelledby="section-developmentAreas"] > .list-item');
    const last = areas.last();
    await last.getByLabel('Benämning (svenska)').fill('Att leda i kris');
    await last.getByLabel('Benämning (engelska)').fill('Leading in a crisis');
    await page.getByRole('button', { name: 'Spara programmet' }).click();
    await expect.poll(() => page.getByText('Sparat.').count()).toBe(1);
    const saved = await server.db
      .selectFrom('programmes')
      .select('settings')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const settings = JSON.parse(saved.settings);
    expect(settings.cadence.meetingEveryWeeksMax).toBe(8);
    expect(settings.fee.note).toBe('Faktureras adeptens kommun i januari.');
    expect(settings.developmentAreas.at(-1)).toEqual({
      key: 'att-leda-i-kris',
      label: { sv: 'Att leda i kris', en: 'Leading in a crisis' },
    });

    // The keys show under Advanced.
    await page.getByText('Avancerat').click();
    await page.getByLabel('Visa interna nycklar i listorna').check();
    await expect.poll(() => page.getByLabel('Intern nyckel').count()).toBeGreaterThan(0);
    expect(await last.getByLabel('Intern nyckel').inputValue()).toBe('att-leda-i-kris');

    // Saved: leaving asks nothing.
    await page.getByRole('link', { name: '← Till programsidan' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/programmes/${id}`);
  });

  it('lets the administrator set the matching weights and who makes first contact', async () => {
    await freshPage('admin@demo.bollplank.se');
    const id = await programmeId(programmeName);
    const stored = async () =>
      JSON.parse(
        (
          await server.db
            .selectFrom('programmes')
            .select('settings')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).settings,
      ).matching;
    const before = await stored();
    expect(before.firstContact).toBe('adept');
    await page.goto(`${server.baseUrl}/programmes/${id}/edit?section=matching`);
    const weights = page.getByRole('group', { name: 'Hur mycket varje kriterium väger' });
    await expect.poll(() => weights.isVisible()).toBe(true);
    const inputs = weights.getByRole('spinbutton');
    expect(await inputs.count()).toBe(9);

    // All weights 0: the error shows at the sum, and the summary links to it.
    for (const input of await inputs.all()) await input.fill('0');
    await page.getByRole('button', { name: 'Spara programmet' }).click();
    await page.getByRole('link', { name: 'Minst ett kriterium måste ha en vikt över 0.' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('field-settings-matching-weights');
    await expectNoA11yViolations(page, 'matching weights with an error');

    // Back to the defaults, one weight changed, and the mentor makes first contact.
    await weights.getByRole('button', { name: 'Återställ standardvikterna' }).click();
    await weights.getByLabel('Önskad sektor', { exact: true }).fill('0');
    expect(await weights.textContent()).toContain('Används inte');
    await page.getByLabel('Mentorn kontaktar adepten för ett första samtal').check();
    await expectNoA11yViolations(page, 'matching section of the programme editor');
    await page.getByRole('button', { name: 'Spara programmet' }).click();
    await expect.poll(() => page.getByText('Sparat.').count()).toBe(1);
    const after = await stored();
    expect(after.weights).toEqual({ ...defaultMatchingWeights, sector: 0 });
    expect(after.firstContact).toBe('mentor');
    expect(after.crossOrganisation).toBe(before.crossOrganisation);
  });

  it('works at 390 px with the section menu folded', async () => {
    await freshPage('admin@demo.bollplank.se', 390);
    const id = await programmeId(programmeName);
    await page.goto(`${server.baseUrl}/programmes/${id}/edit`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Allmänt', exact: true }).isVisible())
      .toBe(true);
    expect(await page.locator('.section-menu').isVisible()).toBe(false);
    await page.getByText('Avsnitt: Allmänt (1 av 13)').click();
    await expectNoA11yViolations(page, 'programme editor at 390 px, menu open');
    await page.locator('.section-menu-compact').getByRole('link', { name: 'Processplan' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?section=process');
    await expect.poll(() => page.getByText('Avsnitt: Processplan (10 av 13)').isVisible()).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await expectNoA11yViolations(page, 'programme editor at 390 px');
    await shot('editor-390');
  });
});
