import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, expectNoA11yViolations, launchChromium, signIn, startE2eServer } from './browser.ts';

const programmeName = 'Mentorprogram för chefer 2026';

describe('home pages, menu and the statements in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function newPage(width = 1280): Promise<Page> {
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width, height: 844 } });
    contexts.push(context);
    return context.newPage();
  }

  async function signedIn(email: string, width?: number): Promise<Page> {
    const page = await newPage(width);
    await signIn(page, server.baseUrl, email, server.demo.password);
    return page;
  }

  const path = (page: Page) => new URL(page.url()).pathname;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('tells the administrator that Dick waits for review, and leads to his application and the work queue', async () => {
    const page = await signedIn('admin@demo.bollplank.se');
    const todo = page.getByRole('region', { name: 'Att göra' });
    await expect.poll(() => todo.getByText('väntar på din granskning.').count()).toBe(1);
    const card = todo
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: programmeName }) });
    await expect.poll(() => card.getByRole('link', { name: /1 ansökan att granska/ }).count()).toBe(1);
    await expectNoA11yViolations(page, 'the administrator’s home page');

    await card.getByRole('link', { name: 'Dick Karlsson' }).click();
    await expect.poll(() => path(page)).toMatch(/^\/applications\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText('Dick Karlsson').count()).toBeGreaterThan(0);

    await page.goBack();
    await page.getByRole('link', { name: /1 ansökan att granska/ }).click();
    await expect
      .poll(() => page.url())
      .toMatch(/\/programmes\/[0-9a-f-]{36}\/intake\?status=pending_review$/);
    await expect.poll(() => page.getByRole('link', { name: 'Dick Karlsson' }).count()).toBeGreaterThan(0);

    // "Ansökningar" in the menu is the work queue, not the administrator's own (empty) applications.
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Ansökningar' })
      .click();
    await expect.poll(() => path(page)).toBe('/intake');
    const programme = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: programmeName }) });
    await expect.poll(() => programme.getByRole('link', { name: /^1 – Att granska/ }).count()).toBe(1);
    await expectNoA11yViolations(page, 'the work queue');
  });

  it('shows HR in Enköping that Sara waits for their approval', async () => {
    const page = await signedIn('hr.enkoping@demo.bollplank.se');
    const todo = page.getByRole('region', { name: 'Att göra' });
    await expect.poll(() => todo.getByText('väntar på ditt godkännande.').count()).toBe(1);
    await expect.poll(() => todo.getByRole('link', { name: 'Sara Nord' }).count()).toBe(1);
    // Dick is Håbo's: not for Enköping to review.
    expect(await page.getByText('Dick Karlsson').count()).toBe(0);
    await expectNoA11yViolations(page, 'the coordinator’s home page');
    await todo.getByRole('link', { name: /1 ansökan att godkänna/ }).click();
    await expect.poll(() => path(page)).toBe('/approvals');
    await expect.poll(() => page.getByRole('heading', { name: /Sara Nord/ }).count()).toBe(1);
  });

  it('shows an adept without applications what they can apply to, and only the menu they need', async () => {
    const page = await signedIn('adept.tibor@demo.bollplank.se');
    await expect.poll(() => page.getByText('Inget väntar på dig just nu.').count()).toBe(1);
    const open = page.getByRole('region', { name: 'Program som tar emot ansökningar' });
    const card = open
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: programmeName }) });
    await expect.poll(() => card.getByRole('link', { name: /Ansök som adept/ }).count()).toBe(1);
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await menu.getByRole('link', { name: 'Mina ansökningar' }).count()).toBe(1);
    expect(await menu.getByRole('link', { name: 'Att godkänna' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: 'Ansökningar', exact: true }).count()).toBe(0);
    await expectNoA11yViolations(page, 'the adept’s home page');
  });

  it('links every page’s footer to the accessibility statement and the personal-data page, both public', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/signin`);
    const footer = page.getByRole('navigation', { name: 'Om webbtjänsten' });

    await footer.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
    await expect.poll(() => path(page)).toBe('/accessibility');
    await expect
      .poll(() =>
        page.getByRole('link', { name: 'Anmäl bristande tillgänglighet till Digg' }).getAttribute('href'),
      )
      .toBe('https://www.digg.se/tdosanmalan');
    expect(await page.getByText('delvis förenlig').count()).toBe(1);
    expect(await page.getByText(/24 november 2026/).count()).toBeGreaterThan(0);
    await expectNoA11yViolations(page, 'the accessibility statement');

    await footer.getByRole('link', { name: 'Personuppgifter' }).click();
    await expect.poll(() => path(page)).toBe('/privacy');
    await expect
      .poll(() => page.getByRole('link', { name: /Integritetsskyddsmyndigheten/ }).getAttribute('href'))
      .toBe('https://www.imy.se');
    await expectNoA11yViolations(page, 'the personal-data page');

    // In English too.
    await page.getByLabel('Språk').selectOption('en');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('How we process your personal data');
    await page.getByLabel('Language').selectOption('sv');
  });

  it('collapses the header at 390 px behind a menu button that opens, closes on navigation and on Escape', async () => {
    const page = await signedIn('admin@demo.bollplank.se', 390);
    const button = page.getByRole('button', { name: 'Meny' });
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.isVisible()).toBe(false);
    const header = await page.locator('header').boundingBox();
    expect(header!.height).toBeLessThan(80);
    await expectNoA11yViolations(page, 'the home page at 390 px');

    await button.click();
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    expect(await menu.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Logga ut' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Språk').isVisible()).toBe(true);
    await expectNoA11yViolations(page, 'the open menu at 390 px');

    // Choosing a page closes the menu.
    await menu.getByRole('link', { name: 'Program' }).click();
    await expect.poll(() => path(page)).toBe('/programmes');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.isVisible()).toBe(false);

    // From the keyboard: Enter opens, Escape closes and leaves focus on the button.
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('shows the whole menu without a button on a wide screen', async () => {
    const page = await signedIn('admin@demo.bollplank.se');
    expect(await page.getByRole('button', { name: 'Meny' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).isVisible()).toBe(true);
  });
});
