import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAtBothWidths,
  type E2eServer,
  expectNoSeriousA11yViolations,
  launchChromium,
  screenshot,
  signedInPage,
  startE2eServer,
} from './browser.ts';

const programmeName = 'Mentorprogram för chefer 2026';
/** Ylva's reason in the demo: for the coordinator only, never for Bengt. */
const ylvasReason = 'Vi får inte till mötena och jag behöver någon med mer erfarenhet av socialtjänst.';
const decisionReason = 'Ylva behöver en mentor med erfarenhet av socialtjänst; Bengt får en ny adept i vår.';

describe('change of mentor in Chromium: the request, the pair ended as re-matched, a new mentor found and published', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  let newMentor = '';

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  async function as(email: string, width = 1280) {
    await context?.close();
    ({ context, page } = await signedInPage(browser, server, email, width));
  }

  const shot = (name: string) => screenshot(page, `change-of-mentor-${name}`);

  const checkPage = (name: string) => checkAtBothWidths(page, `change-of-mentor-${name}`);

  const h1 = () => page.getByRole('heading', { level: 1 }).textContent();
  const main = () => page.getByRole('main');

  async function ylvasPairs() {
    return server.db
      .selectFrom('pairs as p')
      .innerJoin('people as a', 'a.id', 'p.adept_id')
      .innerJoin('people as m', 'm.id', 'p.mentor_id')
      .select(['p.id', 'p.status', 'p.plan_starts_on', 'm.name as mentorName'])
      .where('a.email', '=', 'adept.ylva@demo.bollplank.se')
      .orderBy('p.published_at')
      .execute();
  }

  it('the mentor sees the pair, but not why the adept asked for another mentor', async () => {
    await as('mentor.bengt@demo.bollplank.se');
    await page.goto(`${server.baseUrl}/`);
    await main().getByRole('link', { name: 'Öppna parets sida – Ylva Strand' }).click();
    await expect.poll(h1).toContain('Du och din adept Ylva Strand');
    await expect.poll(() => main().getByRole('heading', { name: 'Processplan' }).count()).toBe(1);
    expect(await page.content()).not.toContain(ylvasReason);
    const lifecycle = await page.request.get(
      `${server.baseUrl}${new URL(page.url()).pathname.replace('/pairs/', '/api/pairs/')}/lifecycle`,
    );
    expect(lifecycle.status()).toBe(200);
    expect(await lifecycle.text()).not.toContain(ylvasReason);
  });

  it('the coordinator finds the request from the home page and ends the pair for a change of mentor, with a reason', async () => {
    await as('hr.enkoping@demo.bollplank.se');
    await page.goto(`${server.baseUrl}/`);
    const programme = main()
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: programmeName }) });
    await expect.poll(() => programme.getByText('1 begäran om ny mentor').count()).toBe(1);
    await checkPage('home-coordinator');
    // The request waits for her decision: the to-do list leads to the follow-up, narrowed to open requests.
    const todo = main().getByRole('region', { name: 'Att göra' });
    await todo.getByRole('link', { name: `1 begäran väntar på ditt beslut – ${programmeName}` }).click();
    await expect.poll(h1).toContain('Uppföljning');
    await expect.poll(() => page.getByLabel('Visa').inputValue()).toBe('requests');
    const row = page.getByRole('row').filter({ hasText: 'Ylva Strand – Bengt Nyström' });
    await expect.poll(() => row.count()).toBe(1);
    // Only the pairs with an open request are listed (the header row and Ylva's).
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await expect.poll(() => row.locator('td').last().textContent()).toBe('1');
    await row.getByRole('link', { name: 'Ylva Strand – Bengt Nyström' }).click();
    await expect.poll(h1).toContain('Ylva Strand och Bengt Nyström');

    const decide = main().getByRole('region', { name: 'Besluta om paret' });
    const request = decide.locator('.card').filter({ hasText: 'ber om en annan mentor' });
    await expect.poll(() => request.count()).toBe(1);
    await expect.poll(() => request.getByText(ylvasReason, { exact: false }).count()).toBe(1);
    await checkPage('pair-with-request');

    // Nothing chosen, nothing written: both are asked for at once.
    await request.getByRole('button', { name: 'Fortsätt' }).click();
    await expect.poll(() => request.getByRole('alert').getByRole('link').count()).toBe(2);
    await expect
      .poll(() => request.getByLabel('Skäl till beslutet').getAttribute('aria-invalid'))
      .toBe('true');
    await shot('decision-errors');
    await expectNoSeriousA11yViolations(page, 'the decision with its errors');

    await request.getByRole('radio', { name: 'Avsluta paret för ett byte av mentor' }).check();
    await request.getByLabel('Skäl till beslutet').fill(decisionReason);
    await request.getByRole('button', { name: 'Fortsätt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bekräfta beslutet' });
    await expect.poll(() => dialog.count()).toBe(1);
    await expect.poll(() => dialog.getByText(/Adepten kommer tillbaka till matchningen/).count()).toBe(1);
    await expect.poll(() => dialog.getByText(decisionReason, { exact: false }).count()).toBe(1);
    await shot('decision-confirm');
    await expectNoSeriousA11yViolations(page, 'the confirmation of the decision');
    await dialog.getByRole('button', { name: 'Ja, besluta' }).click();

    await expect.poll(() => main().getByText('Paret avslutades för ett byte av mentor.').count()).toBe(1);
    await expect.poll(() => main().getByText(decisionReason, { exact: false }).count()).toBeGreaterThan(0);
    // Loaded again: an ended pair is no longer watched for its meetings.
    await page.reload();
    await expect.poll(() => main().getByText('Paret avslutades för ett byte av mentor.').count()).toBe(1);
    await expect
      .poll(() =>
        main()
          .getByText(/Inget hållet möte på/)
          .count(),
      )
      .toBe(0);
    await checkPage('pair-rematched');
    const pairs = await ylvasPairs();
    expect(pairs.map((p) => p.status)).toEqual(['rematched']);
  });

  it('on the matching board the adept waits for a mentor, the old one is not proposed, and a new pair is published', async () => {
    await as('hr.enkoping@demo.bollplank.se');
    await page.getByRole('navigation').getByRole('link', { name: 'Matchning' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/matching');
    await main().getByRole('link', { name: programmeName, exact: true }).click();
    await expect.poll(h1).toBe(`Matchning: ${programmeName}`);
    const waiting = page.getByRole('table', { name: /^Adepter som väntar på mentor/ });
    const find = waiting.getByRole('button', { name: 'Hitta mentor – Ylva Strand' });
    await expect.poll(() => find.count()).toBe(1);
    await find.click();

    const candidates = main().getByRole('region', { name: 'De bästa mentorerna för Ylva Strand' });
    const choose = candidates.getByRole('button', { name: /^Välj / });
    await expect.poll(() => choose.count()).toBeGreaterThan(0);
    await expect.poll(() => candidates.getByRole('button', { name: 'Välj Bengt Nyström' }).count()).toBe(0);
    await checkPage('candidates');
    // Among all mentors, Bengt is shown as one who is not possible, and why.
    await candidates.getByRole('button', { name: /^Visa alla mentorer/ }).click();
    const notPossible = candidates.getByRole('listitem').filter({ hasText: 'Bengt Nyström' });
    await expect.poll(() => notPossible.textContent()).toContain('spärrat eller avböjt tidigare');
    await expect.poll(() => candidates.getByRole('button', { name: 'Välj Bengt Nyström' }).count()).toBe(0);
    await shot('candidates-all');

    const first = choose.first();
    newMentor = ((await first.textContent()) ?? '').replace(/^Välj /, '').trim();
    expect(newMentor).not.toBe('');
    expect(newMentor).not.toBe('Bengt Nyström');
    await first.click();
    await expect
      .poll(() => page.getByRole('heading', { name: `Publicera paret Ylva Strand – ${newMentor}?` }).count())
      .toBe(1);
    await checkPage('publish-check');
    await page.getByRole('button', { name: 'Publicera och skicka mejlen' }).click();
    await expect
      .poll(() => page.getByText(`Paret Ylva Strand – ${newMentor} är publicerat`, { exact: false }).count())
      .toBeGreaterThan(0);
    await shot('published');

    const pairs = await ylvasPairs();
    expect(pairs.map((p) => p.status)).toEqual(['rematched', 'introduced']);
    expect(pairs[1]!.mentorName).toBe(newMentor);
    // The new pair starts its own process plan.
    expect(pairs[1]!.plan_starts_on).not.toBe(pairs[0]!.plan_starts_on);
    const mails = await server.db
      .selectFrom('outbox')
      .select('to_email')
      .where('kind', '=', 'pair_introduced')
      .execute();
    expect(mails.map((m) => m.to_email)).toContain('adept.ylva@demo.bollplank.se');
  });

  it('the adept sees the new mentor', async () => {
    await as('adept.ylva@demo.bollplank.se');
    await page.goto(`${server.baseUrl}/`);
    const open = main().getByRole('link', { name: `Öppna parets sida – ${newMentor}` });
    await expect.poll(() => open.count()).toBe(1);
    await expect
      .poll(() => main().getByRole('link', { name: 'Öppna parets sida – Bengt Nyström' }).count())
      .toBe(0);
    await open.click();
    await expect.poll(h1).toContain(`Du och din mentor ${newMentor}`);
    await checkPage('new-pair');
  });
});
