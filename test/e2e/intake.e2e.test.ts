import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2eServer,
  expectNoSeriousA11yViolations,
  launchChromium,
  signIn,
  startE2eServer,
} from './browser.ts';

const programmeName = 'Mentorprogram för chefer 2026';

describe('intake in Chromium: apply, approve by link, coordinate', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'sv-SE' });
    page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** An approver's answer: approve, continue, and confirm in the page's own dialog. */
  async function approve() {
    await page.getByLabel('Jag godkänner ansökan', { exact: true }).check();
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, godkänn' }).click();
  }

  async function signOut() {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/signin/);
  }

  it('an adept applies, the manager approves by mailed link, HR signed in, the administrator accepts', async () => {
    await signIn(page, server.baseUrl, 'adept.tibor@demo.bollplank.se', server.demo.password);
    await page
      .locator('li.card', { hasText: programmeName })
      .getByRole('link', { name: /Ansök som adept/ })
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/apply\/adept$/);
    await expect.poll(() => page.getByLabel('Befattning').isVisible()).toBe(true);
    await expectNoSeriousA11yViolations(page, 'apply');

    // One topic per step; the answers are checked before anything is sent.
    const next = () => page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
    await page.getByLabel('Befattning').fill('Enhetschef hemtjänst');
    await page.getByLabel('Antal medarbetare du leder').fill('14');
    await page.getByLabel(/Chef med personalansvar sedan/).fill('2024-09-01');
    await next();
    await page.getByRole('checkbox', { name: 'Konflikthantering' }).check();
    await page.getByLabel('Dina mål med mentorskapet').fill('Bli tryggare i svåra samtal.');
    await next();
    await page
      .getByRole('group', { name: /Hur trygg/ })
      .getByLabel('3')
      .check();
    await next();
    await page.getByLabel('Chefens namn').fill('Karin Chef');
    await page.getByLabel('Chefens e-postadress').fill('chef.knivsta@demo.bollplank.se');
    await next();

    // Without acknowledging the notice the step says so at the checkbox and in the summary.
    await page.getByRole('checkbox', { name: /Jag har läst informationen/ }).waitFor();
    await next();
    await expect
      .poll(() => page.getByRole('link', { name: /Bekräfta att du har läst/ }).count())
      .toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: /Jag har läst informationen/ }).check();
    await next();
    await expect.poll(() => page.getByText('Du uppfyller programmets krav.').count()).toBe(1);
    await page.getByRole('button', { name: 'Skicka ansökan' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Ansökan är skickad' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Visa din ansökan' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/applications\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText('Väntar på godkännande').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page, 'application');
    await signOut();

    const mail = await server.db
      .selectFrom('outbox')
      .select('body_text')
      .where('to_email', '=', 'chef.knivsta@demo.bollplank.se')
      .where('body_text', 'like', '%/approvals/respond?token=%')
      .executeTakeFirstOrThrow();
    const link = /\/approvals\/respond\?token=[^\s]+/.exec(mail.body_text)![0];
    await page.goto(`${server.baseUrl}${link}`);
    await expect.poll(() => page.getByLabel('Jag godkänner ansökan', { exact: true }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page, 'approve by link');
    await approve();
    await expect.poll(() => page.getByText('Tack, du har godkänt ansökan.').count()).toBe(1);
    await page.goto(`${server.baseUrl}${link}`);
    await expect.poll(() => page.getByText(/Länken har redan använts/).count()).toBe(1);

    await signIn(page, server.baseUrl, 'hr.knivsta@demo.bollplank.se', server.demo.password);
    await page.getByRole('navigation').getByRole('link', { name: 'Att godkänna' }).click();
    await expect.poll(() => page.getByLabel('Jag godkänner ansökan', { exact: true }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page, 'approvals');
    await approve();
    await expect.poll(() => page.getByText(/Du har godkänt ansökan från Tibor/).count()).toBe(1);
    await signOut();

    await signIn(page, server.baseUrl, 'admin@demo.bollplank.se', server.demo.password);
    await page.goto(`${server.baseUrl}/programmes`);
    await page.getByRole('link', { name: `Ansökningar – ${programmeName}` }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Tibor Bahati' }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page, 'intake');
    await page.getByLabel('Markera ansökan från Tibor Bahati').check();
    await page.getByLabel('Åtgärd').selectOption({ label: 'Anta' });
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page
      .getByRole('dialog', { name: 'Anta 1 ansökan?' })
      .getByRole('button', { name: 'Ja, anta 1 ansökan' })
      .click();
    await expect.poll(() => page.getByText('1 ansökan är antagen.').count()).toBe(1);

    for (const [path, name] of [
      ['/pool', 'mentor pool'],
      ['/people/import', 'import'],
    ] as const) {
      await page.goto(`${server.baseUrl}${path}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
      await expectNoSeriousA11yViolations(page, name);
    }
  });
});
