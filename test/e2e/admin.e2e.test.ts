import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2eServer,
  expectNoSeriousA11yViolations,
  launchChromium,
  signIn,
  startE2eServer,
} from './browser.ts';

describe('the demo administrator in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'sv-SE' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in, creates a programme from a template, edits it and switches language', async () => {
    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/signin/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in');
    await expectNoSeriousA11yViolations(page, 'sign-in');

    await signIn(page, server.baseUrl, 'admin@demo.bollplank.se', server.demo.password);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await expectNoSeriousA11yViolations(page, 'home');

    await page.getByRole('navigation').getByRole('link', { name: 'Program', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/programmes$/);
    await expect.poll(() => page.getByText('Mentorprogram för chefer 2026').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page, 'programmes');

    await page.getByRole('link', { name: 'Nytt program' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/programmes\/new$/);
    await page.locator('input[value="agency_cohort"]').check();
    await page.getByLabel('Namn', { exact: true }).fill('Mentorsprogram E2E 2027');
    await expectNoSeriousA11yViolations(page, 'new programme');
    await page.getByRole('button', { name: 'Skapa program' }).click();
    // A new programme opens in the editor.
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/programmes\/[0-9a-f-]{36}\/edit$/);
    const programmeId = new URL(page.url()).pathname.split('/')[2]!;
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Redigera Mentorsprogram E2E 2027');
    await expectNoSeriousA11yViolations(page, 'programme editor');

    await page.getByLabel('Namn', { exact: true }).fill('Mentorsprogram E2E 2027/28');
    await page.getByRole('button', { name: 'Spara programmet' }).click();
    await expect.poll(() => page.getByText('Sparat.').count()).toBeGreaterThan(0);
    const saved = await server.db
      .selectFrom('programmes')
      .selectAll()
      .where('id', '=', programmeId)
      .executeTakeFirstOrThrow();
    expect(saved.name).toBe('Mentorsprogram E2E 2027/28');
    expect(saved.template_key).toBe('agency_cohort');

    await page.locator('#language-switch').selectOption('en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect
      .poll(() => page.getByRole('navigation').getByRole('link', { name: 'Programmes', exact: true }).count())
      .toBe(1);
    await expectNoSeriousA11yViolations(page, 'programme editor in English');

    for (const [path, name] of [
      ['/organisations', 'organisations'],
      ['/people', 'people'],
      ['/people/invite', 'invite'],
      ['/outbox', 'sent mail'],
      ['/me', 'profile'],
    ] as const) {
      await page.goto(`${server.baseUrl}${path}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
      await expectNoSeriousA11yViolations(page, name);
    }
  });
});
