import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, expectNoA11yViolations, launchChromium, signIn, startE2eServer } from './browser.ts';

const programmeName = 'Mentorprogram för chefer 2026';
const poolName = 'Chefsstöd – mentorpool';

/**
 * Applying as a new user meets it: one topic per step, every error of a step at once in Swedish
 * (no browser bubbles), the answers to check before sending, a confirmation that says what happens
 * next, and no form outside the application period or when an application is already under way.
 */
describe('applying in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
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
    await page?.context().close();
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width, height: 900 } });
    page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, server.baseUrl, email, server.demo.password);
  }

  async function programmeId(name: string) {
    const row = await server.db
      .selectFrom('programmes')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const heading = () => page.getByRole('heading', { level: 1 }).textContent();
  const continueButton = () => page.getByRole('button', { name: 'Fortsätt', exact: true });
  const summaryLinks = () => page.locator('.notice-error a');

  /** At both widths the page fits the screen and axe-core finds nothing at all. */
  async function checkPage(where: string) {
    await expectNoA11yViolations(page, where);
    const width = page.viewportSize()!.width;
    expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(width);
  }

  for (const width of [1280, 390]) {
    it(`applies in steps, checks the answers and is told what happens next (${width} px)`, async () => {
      const who = width === 1280 ? 'adept.tibor@demo.bollplank.se' : 'adept.sara@demo.bollplank.se';
      if (width === 390) {
        // Sara's application from the demo is under way: withdrawn here, so that she may apply again.
        await server.db
          .updateTable('applications')
          .set({ status: 'withdrawn' })
          .where('programme_id', '=', await programmeId(programmeName))
          .execute();
      }
      await freshPage(who, width);
      await page.goto(`${server.baseUrl}/programmes/${await programmeId(programmeName)}/apply/adept`);
      await expect.poll(heading).toContain('Om dig som chef');
      expect(await heading()).toContain('Ansök som adept, steg 1 av 5');
      expect(
        await page
          .locator('form')
          .first()
          .evaluate((f) => (f as HTMLFormElement).noValidate),
      ).toBe(true);
      // Limits and optional fields are said before they bite.
      expect(await page.getByText('Högst 200 tecken.').count()).toBeGreaterThan(0);
      expect(await page.getByText('(valfritt)').count()).toBeGreaterThan(3);
      await checkPage(`step 1 at ${width}`);

      await page.getByLabel('Befattning').fill('Enhetschef hemtjänst');
      await page.getByLabel('Antal medarbetare du leder').fill('14');
      await page.getByLabel(/Chef med personalansvar sedan/).fill('2024-09-01');
      await continueButton().click();

      await expect.poll(heading).toContain('Vad du vill utveckla');
      // Going on with nothing chosen: both of the step's errors at once, in Swedish, linked.
      await page
        .getByRole('group', { name: 'Vad vill du utveckla?' })
        .getByRole('checkbox')
        .evaluateAll((boxes) => {
          for (const box of boxes as HTMLInputElement[]) if (box.checked) box.click();
        });
      await page.getByLabel('Dina mål med mentorskapet').fill('');
      await continueButton().click();
      await expect
        .poll(() => summaryLinks().allTextContents())
        .toEqual(['Välj minst ett utvecklingsområde.', 'Skriv vad du vill uppnå med mentorskapet.']);
      await checkPage(`step 2 with errors at ${width}`);
      await summaryLinks().first().click();
      await expect
        .poll(() =>
          page.evaluate(
            () => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent,
          ),
        )
        .toBe('Vad vill du utveckla?');
      await page.getByRole('checkbox', { name: 'Konflikthantering' }).check();
      await page.getByLabel('Dina mål med mentorskapet').fill('Bli tryggare i svåra samtal.');
      await continueButton().click();

      await expect.poll(heading).toContain('Programmets frågor');
      await page
        .getByRole('group', { name: /Hur trygg/ })
        .getByLabel('3')
        .check();
      await continueButton().click();

      await expect.poll(heading).toContain('Din chef');
      await page.getByLabel('Chefens namn').fill('Karin Chef');
      await page.getByLabel('Chefens e-postadress').fill('chef.knivsta@demo.bollplank.se');
      await continueButton().click();

      await expect.poll(heading).toContain('Personuppgifter och samtycke');
      // The purposes can be read at any width: a focusable, named region, or a list on a phone.
      expect(await page.getByRole('region', { name: 'Ändamål och rättslig grund' }).count()).toBe(1);
      await checkPage(`step 5 at ${width}`);
      await page.getByRole('checkbox', { name: /Jag har läst informationen/ }).check();
      await continueButton().click();

      await expect.poll(heading).toContain('Kontrollera dina svar');
      const answers = (await page.locator('main').textContent()) ?? '';
      expect(answers).toContain('Enhetschef hemtjänst');
      expect(answers).toContain('Konflikthantering');
      expect(answers).toContain('3 av 5');
      expect(answers).toContain('chef.knivsta@demo.bollplank.se');
      await checkPage(`check your answers at ${width}`);

      // "Ändra" goes back to the step, and on from there back to the answers.
      await page.getByRole('link', { name: 'Ändra befattning' }).click();
      await expect.poll(heading).toContain('Om dig som chef');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('apply-basics-title');
      await page.getByLabel('Befattning').fill('Enhetschef hemtjänst Väst');
      await page.getByRole('button', { name: 'Fortsätt till dina svar' }).click();
      await expect.poll(heading).toContain('Kontrollera dina svar');
      expect(await page.locator('main').textContent()).toContain('Enhetschef hemtjänst Väst');

      await page.getByRole('button', { name: 'Skicka ansökan' }).click();
      await expect.poll(heading).toBe('Ansökan är skickad');
      const done = (await page.locator('main').textContent()) ?? '';
      expect(done).toContain('Vad händer nu');
      expect(done).toContain('Din chef Karin Chef får i dag ett mejl till chef.knivsta@demo.bollplank.se');
      expect(done).toContain('Därefter godkänner HR i');
      expect(done).toContain('inom 5 dagar får en påminnelse');
      expect(done).toContain('prövar programansvarig din ansökan');
      expect(done).toContain('matchas du med en mentor');
      await checkPage(`confirmation at ${width}`);

      // Back on the apply page, the application's status instead of a new form.
      await page.goto(`${server.baseUrl}/programmes/${await programmeId(programmeName)}/apply/adept`);
      await expect.poll(() => page.getByRole('heading', { name: 'Du har redan ansökt' }).count()).toBe(1);
      expect(await page.locator('main').textContent()).toContain('Väntar på godkännande');
      expect(await page.locator('main form').count()).toBe(0);
      await checkPage(`already applied at ${width}`);
      await page.getByRole('link', { name: 'Visa din ansökan' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/applications\/[0-9a-f-]{36}$/);
    });
  }

  it('shows every error of a step at once, in Swedish, with no browser bubble', async () => {
    await freshPage('mentor.agneta@demo.bollplank.se');
    await page.goto(`${server.baseUrl}/programmes/${await programmeId(programmeName)}/apply/mentor`);
    await expect.poll(heading).toContain('Om dig som chef');
    await page.getByLabel('Befattning').fill('');
    await page.getByLabel('Befattning').fill('x'.repeat(205));
    // The limit is counted, not cut.
    expect(await page.getByText('Du har 5 tecken för mycket.').count()).toBe(1);
    expect((await page.getByLabel('Befattning').inputValue()).length).toBe(205);
    await page.getByLabel('Antal medarbetare du leder').fill('-3');
    await continueButton().click();
    const texts = async (selector: string) =>
      (await page.locator(selector).allTextContents()).map((text) => text.replace(/\s/g, ' '));
    const expected = [
      '”Befattning” får vara högst 200 tecken.',
      'Skriv hur många medarbetare du leder, från 0 till 100 000.',
    ];
    await expect.poll(() => texts('.notice-error a')).toEqual(expected);
    // Beside each field too, and no field is left for the browser to complain about.
    expect(await texts('.field-error')).toEqual(expected);
    expect(await page.evaluate(() => document.querySelectorAll('form:not([novalidate])').length)).toBe(0);

    await page.getByLabel('Befattning').fill('Avdelningschef');
    await page.getByLabel('Antal medarbetare du leder').fill('40');
    await continueButton().click();
    await expect.poll(heading).toContain('Du som mentor');
    await page
      .getByRole('group', { name: /Chefsnivåer du har erfarenhet av/ })
      .getByRole('checkbox')
      .evaluateAll((boxes) => {
        for (const box of boxes as HTMLInputElement[]) if (box.checked) box.click();
      });
    await continueButton().click();
    await expect
      .poll(() => summaryLinks().allTextContents())
      .toEqual([
        'Välj minst ett område du kan bidra med som mentor.',
        'Välj minst en chefsnivå du har erfarenhet av.',
      ]);
    await expectNoA11yViolations(page, 'mentor step with errors');
  });

  it('says when applying opens instead of showing the form, and the server refuses with the dates', async () => {
    const id = await programmeId(poolName);
    await server.db
      .updateTable('rounds')
      .set({ applications_open_on: '2099-03-01', applications_close_on: '2099-05-15' })
      .where('programme_id', '=', id)
      .execute();
    for (const width of [1280, 390]) {
      await freshPage('adept.tibor@demo.bollplank.se', width);
      await page.goto(`${server.baseUrl}/programmes/${id}/apply/adept`);
      await expect
        .poll(() => page.locator('main').textContent())
        .toContain('Ansökan öppnar 1 mars 2099 och stänger 15 maj 2099. Du kan inte ansöka förrän dess.');
      expect(await page.locator('main form').count()).toBe(0);
      await checkPage(`not open yet at ${width}`);
    }

    // Sent anyway (an old tab, a script): refused with the dates, nothing written.
    const answer = await page.evaluate(
      async ({ programme }) => {
        const csrf = (await (await fetch('/api/csrf')).json()).token;
        const notice = (await (await fetch(`/api/programmes/${programme}/privacy-notice`)).json()).id;
        const session = await (await fetch('/api/session')).json();
        const organisationId = session.roles.find((r: { role: string }) => r.role === 'adept').organisationId;
        const response = await fetch(`/api/programmes/${programme}/applications`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, 'accept-language': 'sv' },
          body: JSON.stringify({
            role: 'adept',
            organisationId,
            roundId: null,
            basics: {
              title: 'Chef',
              managementLevel: 'direct',
              staffCount: 3,
              managingStaffSince: '2020-01-01',
              sector: '',
              languages: [],
              meetingPlaces: [],
              maxTravelMinutes: null,
              gender: 'unspecified',
            },
            needs: {
              developmentAreas: ['change'],
              goals: 'Mål',
              wishes: { sector: '', level: null, gender: 'unspecified', otherOrganisation: true, other: '' },
            },
            answers: {},
            manager: { name: 'Chef', email: 'chef.pool@example.org' },
            noticeId: notice,
            consents: [],
          }),
        });
        return { status: response.status, body: await response.json() };
      },
      { programme: id },
    );
    expect(answer.status).toBe(400);
    const round = await server.db
      .selectFrom('rounds')
      .select('name')
      .where('programme_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(answer.body.errors).toContainEqual({
      field: 'roundId',
      message: `Du kan ansöka till ${round.name} från 1 mars 2099 till och med 15 maj 2099. Du kan inte ansöka förrän dess.`,
    });
    const mails = await server.db
      .selectFrom('outbox')
      .select('id')
      .where('to_email', '=', 'chef.pool@example.org')
      .execute();
    expect(mails).toEqual([]);
  });
});
