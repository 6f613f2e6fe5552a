import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, expectNoA11yViolations, launchChromium, signIn, startE2eServer } from './browser.ts';

/**
 * Decisions in Chromium, on the demo network: HR declines Sara's application with a reason, after a
 * confirmation, and the trail says who and when; the coordinator accepts Dick's application from its
 * own page after a confirmation. Every page and dialog on the way has no axe violation of any impact,
 * at desktop width and at 390 px. Screenshots go to SCREENSHOT_DIR when it is set.
 */

const shots = process.env.SCREENSHOT_DIR;
const widths = [
  ['desktop', 1280],
  ['390', 390],
] as const;

describe('decisions in Chromium: who, when, why, and a confirmation first', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  const browserDialogs: string[] = [];

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    // No browser dialogs: every confirmation is the page's own (checked after all).
    page.on('dialog', (dialog) => {
      browserDialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  });
  afterAll(async () => {
    expect(browserDialogs).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  /** axe at both widths (and a screenshot of each, when asked for), back at desktop width after. */
  async function check(where: string) {
    for (const [name, width] of widths) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoA11yViolations(page, `${where} at ${name}`);
      if (shots) {
        await page.screenshot({ path: `${shots}/${where}-${name}.png`, fullPage: true });
        await page.screenshot({ path: `${shots}/${where}-${name}-top.png` });
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function signOut() {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/signin/);
    await expect.poll(() => page.getByLabel('E-postadress').first().isVisible()).toBe(true);
  }

  async function applicationOf(name: string) {
    const row = await server.db
      .selectFrom('applications as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .select('a.id')
      .where('p.name', '=', name)
      .orderBy('a.submitted_at', 'desc')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('HR declines with a reason after a confirmation, and the trail shows who and when', async () => {
    await signIn(page, server.baseUrl, 'hr.enkoping@demo.bollplank.se', server.demo.password);
    await page.getByRole('navigation').getByRole('link', { name: 'Att godkänna' }).click();
    const card = page.locator('li.card', { hasText: 'Sara Nord' });
    await expect.poll(() => card.count()).toBe(1);
    await expect
      .poll(() => card.getByText(/^Du är tillfrågad som .+: godkänner du att Sara Nord deltar/).count())
      .toBe(1);
    await check('approvals');

    // Not approving without a reason: the form says so, in the summary and at the field.
    await card.getByLabel('Jag godkänner inte ansökan').check();
    await card.getByRole('button', { name: 'Fortsätt' }).click();
    await expect
      .poll(() => card.getByRole('link', { name: 'Skriv varför du inte godkänner ansökan.' }).count())
      .toBe(1);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await check('approvals-reason-missing');

    await card.getByLabel('Motivering').fill('Sara har redan en mentor genom rektorsprogrammet.');
    await card.getByRole('button', { name: 'Fortsätt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Inte godkänna ansökan från Sara Nord?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => dialog.getByText(/får ett e-postmeddelande med din motivering/).count()).toBe(1);
    await check('approvals-confirm-decline');
    // Cancelling leaves everything as it was.
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await card.getByRole('button', { name: 'Fortsätt' }).click();
    await dialog.getByRole('button', { name: 'Ja, godkänn inte' }).click();
    await expect
      .poll(() => page.getByText('Du har svarat att du inte godkänner ansökan från Sara Nord.').count())
      .toBe(1);

    // The history: what, as whom, the answer, when, and the reason.
    const history = page.getByRole('region', { name: 'Dina svar' });
    const row = history.getByRole('row', { name: /Sara Nord/ });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getByText('Inte godkänd').count()).toBe(1);
    await expect
      .poll(() => row.getByText('Sara har redan en mentor genom rektorsprogrammet.').count())
      .toBe(1);
    await check('approvals-history');
    await signOut();

    // The applicant's page: the step says who did not approve, and when, and why.
    await signIn(page, server.baseUrl, 'adept.sara@demo.bollplank.se', server.demo.password);
    await page.goto(`${server.baseUrl}/applications/${await applicationOf('Sara Nord')}`);
    const trail = page.locator('ol.trail');
    await expect
      .poll(() =>
        trail.getByText(/^Inte godkänd av .+ \(Eva Ek\) den \d{1,2} \w+ \d{4} kl\. \d\d:\d\d\.$/).count(),
      )
      .toBe(1);
    await expect.poll(() => trail.getByText(/Motivering: Sara har redan en mentor/).count()).toBe(1);
    await expect.poll(() => page.getByText('Inte godkänd', { exact: true }).first().isVisible()).toBe(true);
    await check('application-declined');
    await signOut();
  });

  it('the coordinator accepts from the application’s own page after a confirmation', async () => {
    await signIn(page, server.baseUrl, 'hr.habo@demo.bollplank.se', server.demo.password);
    await page.goto(`${server.baseUrl}/applications/${await applicationOf('Dick Karlsson')}`);
    const decision = page.getByRole('region', { name: 'Beslut om antagning' });
    await expect.poll(() => decision.isVisible()).toBe(true);
    // Written about the applicant, not to them.
    await expect.poll(() => page.getByText('Du uppfyller programmets krav.').count()).toBe(0);
    await check('application-review');

    // Nothing is chosen for the coordinator.
    await decision.getByRole('button', { name: 'Fortsätt' }).click();
    await expect.poll(() => decision.getByRole('link', { name: /Välj ett beslut/ }).count()).toBe(1);

    await decision.getByLabel('Anta', { exact: true }).check();
    await decision.getByRole('button', { name: 'Fortsätt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Anta Dick Karlsson som adept?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await check('application-confirm-accept');
    await dialog.getByRole('button', { name: 'Ja, anta' }).click();

    await expect
      .poll(() =>
        page
          .getByRole('status')
          .getByText(/^Antagen av Hans Holm den \d{1,2} \w+ \d{4} kl\. \d\d:\d\d\.$/)
          .count(),
      )
      .toBe(1);
    await expect.poll(() => decision.count()).toBe(0);
    const stored = await server.db
      .selectFrom('applications')
      .select(['status', 'decided_at'])
      .where('id', '=', await applicationOf('Dick Karlsson'))
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('approved');
    expect(stored.decided_at).not.toBeNull();
    await check('application-accepted');
    await signOut();
  });

  it('answers from the mailed link with a confirmation, and the approver sees no gender', async () => {
    // Magnus's manager has no account: the link is in the outbox.
    const mail = await server.db
      .selectFrom('outbox')
      .select('body_text')
      .where('kind', '=', 'approval_requested')
      .where('body_text', 'like', '%Magnus Berg%')
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toMatch(
      /Programmet ber om godkännande av sökandens närmaste chef, och du är tillfrågad\./,
    );
    const link = /\/approvals\/respond\?token=[^\s]+/.exec(mail.body_text)![0];
    await page.goto(`${server.baseUrl}${link}`);
    await expect.poll(() => page.getByText(/^Du är tillfrågad som sökandens närmaste chef:/).count()).toBe(1);
    await page.getByText('Visa ansökan').click();
    await expect.poll(() => page.getByText('Kön', { exact: true }).count()).toBe(0);
    await check('respond');
    await page.getByLabel('Jag godkänner ansökan', { exact: true }).check();
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Godkänna ansökan från Magnus Berg?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await check('respond-confirm');
    await dialog.getByRole('button', { name: 'Ja, godkänn' }).click();
    await expect.poll(() => page.getByText('Tack, du har godkänt ansökan.').count()).toBe(1);
  });

  it('lets the pool’s recordings be undone, starts bulk actions with none chosen, and says which mail was sent', async () => {
    await signIn(page, server.baseUrl, 'admin@demo.bollplank.se', server.demo.password);
    await page.goto(`${server.baseUrl}/pool`);
    const lena = page.getByRole('row', { name: /Lena Sjö/ });
    const year = new Date().getFullYear();
    await expect.poll(() => lena.count()).toBe(1);
    const took = lena.getByRole('button', { name: `Deltog ${year} – Lena Sjö` });
    if ((await took.count()) === 0) {
      // Recorded already (by the demo): remove it first, which is also undoable.
      await lena.getByRole('button', { name: new RegExp(`erfarenhetsutbytet ${year} för Lena Sjö`) }).click();
      await expect.poll(() => took.count()).toBe(1);
    }
    await took.click();
    const status = page.locator('.pool-status');
    await expect
      .poll(() => status.getByText(`Registrerat: Lena Sjö deltog i erfarenhetsutbytet ${year}.`).count())
      .toBe(1);
    await check('pool-recorded');
    await status.getByRole('button', { name: 'Ångra' }).click();
    await expect.poll(() => status.getByText(/^Ångrat\./).count()).toBe(1);
    await expect.poll(() => took.count()).toBe(1);
    const stored = await server.db
      .selectFrom('experience_exchanges as e')
      .innerJoin('people as p', 'p.id', 'e.person_id')
      .select('e.year')
      .where('p.name', '=', 'Lena Sjö')
      .where('e.year', '=', year)
      .execute();
    expect(stored).toEqual([]);

    await page.goto(`${server.baseUrl}/programmes`);
    await page.getByRole('link', { name: 'Ansökningar – Mentorprogram för chefer 2026' }).click();
    await expect.poll(() => page.getByLabel('Åtgärd').isVisible()).toBe(true);
    expect(await page.getByLabel('Åtgärd').inputValue()).toBe('');
    await check('intake');

    await page.goto(`${server.baseUrl}/outbox`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Utkorg för e-post' }).count())
      .toBe(1);
    await expect.poll(() => page.getByText(/Ingen e-postserver är inställd/).count()).toBe(1);
    await expect.poll(() => page.getByText('Inte skickat', { exact: true }).count()).toBeGreaterThan(0);
    await check('outbox');
  });
});
