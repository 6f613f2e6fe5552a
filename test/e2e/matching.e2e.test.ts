import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2eServer,
  expectNoA11yViolations,
  launchChromium,
  screenshot,
  signedInPage,
  startE2eServer,
} from './browser.ts';

const cohortName = 'Mentorsprogram 2026/27';

describe('the matching board in Chromium: run, explain, lock, re-run, publish, decline, re-match', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;

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

  const shot = (name: string) => screenshot(page, `matching-${name}`);

  async function atWidth(width: number, name: string) {
    await page.setViewportSize({ width, height: 844 });
    await shot(name);
    await expectNoA11yViolations(page, name);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function openBoard() {
    await page.getByRole('navigation').getByRole('link', { name: 'Matchning' }).click();
    await page.getByRole('main').getByRole('link', { name: cohortName }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Matchning: ${cohortName}`);
  }

  /** The error summary on top links to the field, and the field says what is wrong. */
  async function expectFieldError(label: string) {
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'kontrollera fälten' }).count())
      .toBe(1);
    await expect.poll(() => page.getByRole('alert').getByRole('link').count()).toBeGreaterThan(0);
    const field = page.getByLabel(label);
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  }

  const proposals = () => page.getByRole('table', { name: /^Förslag/ });
  /** The proposals' own rows (not those of the explanation tables inside them). */
  const rows = () => proposals().locator(':scope > tbody > tr:not(.panel-row)');
  const row = (adept: string) => rows().filter({ hasText: adept });

  it('a coordinator runs matching on the demo round, reads why, locks a pair and runs again', async () => {
    await as('hr.knivsta@demo.bollplank.se');
    await openBoard();
    await expect.poll(() => page.getByText('Ingen matchning har körts för omgången än.').count()).toBe(1);
    await shot('board-before');
    await expectNoA11yViolations(page, 'the board before a run');

    await page.getByRole('button', { name: 'Kör matchning' }).click();
    await expect.poll(() => proposals().count()).toBe(1);
    await expect.poll(() => page.getByText(/Resultatet är kontrollerat/).count()).toBe(1);
    // Knivsta's coordinator sees the proposals that involve Knivsta's people, and is told so.
    await expect.poll(() => page.getByText(/Du ser förslag och par som rör Knivsta kommun/).count()).toBe(1);
    const first = rows().nth(0);
    const adept = (await first.locator('td').first().locator('.match-name').textContent())!;
    const mentor = (await first.locator('td').nth(1).locator('.match-name').textContent())!;

    // The explanation: sentences and the points per criterion, behind a disclosure.
    await first.locator('summary', { hasText: `Varför ${adept} och ${mentor}?` }).click();
    await expect
      .poll(() => first.getByRole('table', { name: `Varför ${adept} och ${mentor}?` }).isVisible())
      .toBe(true);
    await expect.poll(() => first.getByText('Utvecklingsområden mot mentorns kompetenser').count()).toBe(1);
    await shot('board-run');
    await expectNoA11yViolations(page, 'the board with proposals and an explanation');
    await atWidth(390, 'board-run-390');

    // Lock it, with a reason; the run keeps it.
    await row(adept)
      .getByRole('button', { name: `Lås – ${adept}, ${mentor}` })
      .click();
    await expect
      .poll(() => page.getByRole('heading', { name: `Lås paret ${adept} – ${mentor}` }).count())
      .toBe(1);
    await shot('lock-panel');
    await expectNoA11yViolations(page, 'the lock panel');
    await page
      .getByLabel('Varför låser du paret? (valfritt)')
      .fill('De träffades på kick-offen och vill arbeta ihop.');
    await page.getByRole('button', { name: 'Lås paret' }).click();
    await expect.poll(() => row(adept).getByText('Låst', { exact: true }).count()).toBe(1);
    await expect
      .poll(() =>
        page.getByText('De träffades på kick-offen och vill arbeta ihop.', { exact: false }).count(),
      )
      .toBe(1);

    // Forbidding needs a reason: the error is summarised on top and shown at the field.
    await shot('locked');
    const second = rows().nth(1);
    const secondAdept = (await second.locator('td').first().locator('.match-name').textContent())!;
    const secondMentor = (await second.locator('td').nth(1).locator('.match-name').textContent())!;
    await row(secondAdept)
      .getByRole('button', { name: `Spärra – ${secondAdept}, ${secondMentor}` })
      .click();
    await page.getByRole('button', { name: 'Spärra paret' }).click();
    await expectFieldError('Varför ska paret inte föreslås?');
    await shot('forbid-refused');
    await expectNoA11yViolations(page, 'the forbid panel with its error');
    await page.getByRole('button', { name: 'Avbryt' }).click();

    await page.getByRole('button', { name: 'Kör matchningen igen' }).click();
    await expect.poll(() => page.getByText(/Senast körd .* av Karin Kvist/).count()).toBe(1);
    await expect
      .poll(() => row(adept).filter({ hasText: mentor }).getByText('Låst', { exact: true }).count())
      .toBe(1);
  });

  it('an administrator swaps by hand with a warning and the cost, then publishes with a check of who is mailed', async () => {
    await as('admin@demo.bollplank.se');
    await openBoard();
    await expect.poll(() => proposals().count()).toBe(1);
    // Swap: choose another mentor for an adept whose pair is not locked.
    const unlocked = rows()
      .filter({ has: page.getByRole('button', { name: /^Byt mentor/ }) })
      .filter({ hasNot: page.getByText('Låst', { exact: true }) })
      .first();
    const adept = (await unlocked.locator('td').first().locator('.match-name').textContent())!;
    await unlocked.getByRole('button', { name: `Byt mentor – ${adept}` }).click();
    await expect.poll(() => page.getByRole('heading', { name: `Välj mentor för ${adept}` }).count()).toBe(1);
    const group = page.getByRole('group', { name: 'Mentor' });
    await expect.poll(() => group.getByRole('radio').count()).toBeGreaterThan(0);
    // A mentor of the adept's own organisation breaks "another organisation", if there is one.
    const breaking = group.getByRole('radio', { name: /bryter mot/ });
    const choice = (await breaking.count()) > 0 ? breaking.first() : group.getByRole('radio').first();
    await choice.check();
    await expect.poll(() => page.getByText(/Paret får .* av 100 poäng\./).count()).toBe(1);
    await shot('swap-preview');
    await expectNoA11yViolations(page, 'the swap panel with its preview');
    await page.getByRole('button', { name: 'Avbryt' }).click();

    await page.getByRole('button', { name: 'Granska och publicera' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Kontrollera innan du publicerar' }).count())
      .toBe(1);
    await shot('publish-check');
    await expectNoA11yViolations(page, 'the check before publishing');
    await page.getByRole('button', { name: 'Publicera och skicka mejlen' }).click();
    await expect
      .poll(() => page.getByText(/par är introducerade och .* mejl har skickats/).count())
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('table', { name: /^Publicerade par/ }).count()).toBe(1);
    await shot('published');
    const mails = await server.db
      .selectFrom('outbox')
      .select('to_email')
      .where('kind', '=', 'pair_introduced')
      .execute();
    expect(mails.length).toBeGreaterThanOrEqual(16);
  });

  it('a party declines with a reason the coordinator reads, and the adept is matched again', async () => {
    // An adept of Knivsta with a mentor place left elsewhere for the re-match.
    const pairs = await server.db
      .selectFrom('pairs as p')
      .innerJoin('people as a', 'a.id', 'p.adept_id')
      .innerJoin('people as m', 'm.id', 'p.mentor_id')
      .select(['a.email as adeptEmail', 'a.name as adeptName', 'm.name as mentorName'])
      .where('p.status', '=', 'introduced')
      .where('a.email', 'in', ['adept.lina@demo.bollplank.se', 'adept.nils@demo.bollplank.se'])
      .execute();
    const pair = pairs[0]!;
    await as(pair.adeptEmail);
    await page.getByRole('navigation').getByRole('link', { name: 'Min mentor' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Min mentor');
    await expect
      .poll(() => page.getByText(`Ta kontakt med ${pair.mentorName}`, { exact: false }).count())
      .toBe(1);
    await shot('my-mentor');
    await expectNoA11yViolations(page, 'my mentor');
    await atWidth(390, 'my-mentor-390');

    await page.getByRole('button', { name: `Tacka nej – ${pair.mentorName}` }).click();
    await page.getByRole('button', { name: 'Tacka nej', exact: true }).click();
    await expectFieldError('Varför tackar du nej?');
    await expectNoA11yViolations(page, 'the decline form with its error');
    const reason = 'Vi märkte i första samtalet att vi vill olika saker med mentorskapet.';
    await page.getByLabel('Varför tackar du nej?').fill(reason);
    await page.getByRole('button', { name: 'Tacka nej', exact: true }).click();
    await expect.poll(() => page.getByText(/Du har tackat nej/).count()).toBe(1);
    await shot('declined');

    await as('hr.knivsta@demo.bollplank.se');
    await openBoard();
    const published = page.getByRole('table', { name: /^Publicerade par/ });
    await expect.poll(() => published.getByText(reason, { exact: false }).count()).toBe(1);
    await published.getByRole('button', { name: `Matcha om ${pair.adeptName}` }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: `Nytt förslag för ${pair.adeptName}` }).count())
      .toBe(1);
    await shot('rematch');
    await expectNoA11yViolations(page, 'the re-match proposal');
    const publishOne = page.getByRole('button', { name: 'Publicera paret' });
    expect(await publishOne.count()).toBe(1);
    await publishOne.click();
    await expect.poll(() => page.getByText(/1 par är introducerade/).count()).toBe(1);
    const current = await server.db
      .selectFrom('pairs as p')
      .innerJoin('people as a', 'a.id', 'p.adept_id')
      .innerJoin('people as m', 'm.id', 'p.mentor_id')
      .select(['p.status', 'm.name as mentorName'])
      .where('a.email', '=', pair.adeptEmail)
      .orderBy('p.published_at')
      .execute();
    expect(current.map((p) => p.status)).toEqual(['declined', 'introduced']);
    expect(current[1]!.mentorName).not.toBe(pair.mentorName);
  });
});
