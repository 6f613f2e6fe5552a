import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, launchChromium, signIn, startE2eServer } from './browser.ts';

/** axe-core against WCAG 2.1 A and AA: the import pages have no violation of any impact. */
async function expectNoA11yViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(violations, `accessibility on ${where}`).toEqual([]);
}

/** The file a coordinator in Knivsta might have: two good rows and one with a broken address. */
const csv = [
  'Namn;E-post;Organisation;Roll;Förvaltning',
  'Ebba Ek;ebba.ek@knivsta.example;Knivsta kommun;adept;Socialförvaltningen',
  'Frans Fel;frans.fel.knivsta.example;Knivsta kommun;mentor;Tekniska',
  'Gun Gran;gun.gran@knivsta.example;Knivsta kommun;chef;Skola',
].join('\r\n');

describe('import in Chromium: a coordinator imports the valid rows and keeps the bad one', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'sv-SE', acceptDownloads: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const invitedEmails = async () =>
    (
      await server.db
        .selectFrom('invitations')
        .select('email')
        .where('email', 'like', '%knivsta.example')
        .orderBy('email')
        .execute()
    ).map((i) => i.email);

  it('marks the bad row in Swedish, imports the others, and offers the bad row to correct and import again', async () => {
    await signIn(page, server.baseUrl, 'hr.knivsta@demo.bollplank.se', server.demo.password);
    await page.goto(`${server.baseUrl}/people/import`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Importera personer');
    // The help says the roles in Swedish and the limits before they bite; no internal keys.
    const help = page.locator('section', { has: page.getByRole('heading', { name: 'Så ska filen se ut' }) });
    await expect
      .poll(() => help.textContent())
      .toContain('I kolumnen roll skriver du adept, mentor eller chef.');
    const helpText = (await help.textContent()) ?? '';
    expect(helpText).toContain('Knivsta kommun');
    expect(helpText).toContain('högst 30 kolumner');
    expect(helpText).toMatch(/Högst 10\s000 rader och 5 MB/);
    expect(helpText).toContain('gäller i 14 dagar');
    expect(helpText).not.toMatch(/org_coordinator|manager/);
    await expectNoA11yViolations(page, 'import, choose a file');

    // Without a file the form says so at the field and in the summary.
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await expect.poll(() => page.getByRole('link', { name: /Välj en fil att importera/ }).count()).toBe(1);

    await page.getByLabel('Fil', { exact: true }).setInputFiles({
      name: 'knivsta.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Kontrollera filen');

    // The summary on top links to the bad row, which says "Fel" and why, and flags the cell.
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.getByRole('heading').textContent()).toBe('1 rad har fel');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    const message = 'E-postadress: Måste vara en giltig e-postadress.';
    await summary.getByRole('link', { name: `Rad 3: ${message}` }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('import-row-3');
    const badRow = page.locator('tr', { has: page.locator('#import-row-3') });
    expect(await badRow.getAttribute('class')).toContain('import-row-invalid');
    expect(await badRow.locator('.import-check').textContent()).toBe(`✕ Fel${message}`);
    expect(await badRow.locator('.cell-invalid').textContent()).toBe('!frans.fel.knivsta.example (fel)');
    const goodRow = page.locator('tr', { has: page.getByRole('rowheader', { name: '2', exact: true }) });
    expect(await goodRow.locator('.import-check').textContent()).toBe('✓ OK');
    // Roles by their Swedish names, organisations by theirs.
    expect(await goodRow.locator('td').nth(4).textContent()).toBe('Adept');
    const managerRow = page.locator('tr', { has: page.getByRole('rowheader', { name: '4', exact: true }) });
    expect(await managerRow.locator('td').nth(4).textContent()).toBe('Chef');
    expect(await managerRow.locator('td').nth(3).textContent()).toBe('Knivsta kommun');
    await expectNoA11yViolations(page, 'import, check the file');

    // The bad row as a file to correct: the four columns as read and what is wrong.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ner raden med fel (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('rader-med-fel.csv');
    const corrections = readFileSync((await download.path())!, 'utf8');
    expect(corrections).toBe(
      `\uFEFFnamn;e-post;organisation;roll;fel\r\nFrans Fel;frans.fel.knivsta.example;Knivsta kommun;mentor;${message}\r\n`,
    );

    await page.getByRole('button', { name: 'Importera de 2 giltiga raderna' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('2 personer är inbjudna');
    expect(await invitedEmails()).toEqual(['ebba.ek@knivsta.example', 'gun.gran@knivsta.example']);
    const done = (await page.locator('main').textContent()) ?? '';
    expect(done).toContain('1 rad importerades inte eftersom den har fel.');
    expect(done).toContain('Varje person får en inbjudan via e-post på svenska');
    expect(done).toMatch(/Länken i inbjudan gäller till \d{1,2} \p{L}+ \d{4}\./u);
    const rejected = page.locator('tr', { has: page.locator('#rejected-row-3') });
    expect(await rejected.locator('.import-check').textContent()).toBe(`✕ Fel${message}`);
    await expectNoA11yViolations(page, 'import, done');
    const [again] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ner raden med fel (CSV)' }).click(),
    ]);
    expect(readFileSync((await again.path())!, 'utf8')).toBe(corrections);

    // Corrected in "Excel", the same file imports: its extra column is not read.
    await page.getByRole('button', { name: 'Importera en fil till' }).click();
    await page.getByLabel('Fil', { exact: true }).setInputFiles({
      name: 'rader-med-fel.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(corrections.replace('frans.fel.knivsta.example', 'frans.fel@knivsta.example')),
    });
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await expect.poll(() => page.getByText('Alla rader kan importeras.').count()).toBe(1);
    await page.getByRole('button', { name: 'Importera och bjud in 1 person' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('1 person är inbjuden');
    expect(await invitedEmails()).toEqual([
      'ebba.ek@knivsta.example',
      'frans.fel@knivsta.example',
      'gun.gran@knivsta.example',
    ]);
  });

  it('imports nothing when the file no longer passes at the commit, and shows the rows checked again', async () => {
    const file = ['namn;e-post;organisation;roll', 'Hugo;hugo@knivsta.example;Knivsta kommun;adept'];
    file.push('Ida;ida@knivsta.example;Knivsta kommun;mentor');
    await page.goto(`${server.baseUrl}/people/import`);
    await page.getByLabel('Fil', { exact: true }).setInputFiles({
      name: 'knivsta.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(file.join('\n')),
    });
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await expect.poll(() => page.getByText('Alla rader kan importeras.').count()).toBe(1);

    // Meanwhile Ida is invited one by one (here by the same coordinator, in another tab).
    const organisation = await server.db
      .selectFrom('organisations')
      .select(['id', 'network_id'])
      .where('name', '=', 'Knivsta kommun')
      .executeTakeFirstOrThrow();
    const status = await page.evaluate(async (org) => {
      const { token } = await (await fetch('/api/csrf')).json();
      const response = await fetch(`/api/networks/${org.network_id}/invitations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify({
          email: 'ida@knivsta.example',
          name: 'Ida',
          role: 'mentor',
          organisationId: org.id,
        }),
      });
      return response.status;
    }, organisation);
    expect(status).toBe(201);

    await page.getByRole('button', { name: 'Importera och bjud in 2 personer' }).click();
    await expect.poll(() => page.getByText(/Något har ändrats sedan du förhandsgranskade/).count()).toBe(1);
    await expect.poll(() => page.locator('.error-summary h2').textContent()).toBe('1 rad har fel');
    expect(await page.locator('tr', { has: page.locator('#import-row-3') }).textContent()).toContain(
      'Har redan en inbjudan till den rollen som inte är besvarad.',
    );
    expect(await invitedEmails()).not.toContain('hugo@knivsta.example');
    await expectNoA11yViolations(page, 'import, checked again');
  });
});
