import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createDatabase, type Db } from '../../src/server/db/connection.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { type DemoInfo, seedDemoIfEmpty } from '../../src/server/demo/seed.ts';
import { testConfig, testDeps } from '../support.ts';

export const CHROMIUM = '/usr/bin/chromium';

export interface E2eServer {
  /** On localhost, which browsers treat as secure, so the __Host- cookies work over plain HTTP. */
  baseUrl: string;
  db: Db;
  demo: DemoInfo;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The built app (dist/client) on a fresh SQLite file holding the demo network. */
export async function startE2eServer(): Promise<E2eServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bollplank-e2e-'));
  const db = createDatabase({ kind: 'sqlite', path: join(dir, 'e2e.db') });
  await migrateToLatest(db);
  const config = testConfig();
  const deps = testDeps(db, config);
  const demo = (await seedDemoIfEmpty(deps))!;
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://localhost:${port}`,
    db,
    demo,
    app,
    async close() {
      await app.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** axe-core against WCAG 2.1 A and AA; a serious or critical violation fails the test. */
export async function expectNoSeriousA11yViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `accessibility on ${where}`).toEqual([]);
}

/** axe-core against WCAG 2.1 A and AA; any violation, whatever its impact, fails the test. */
export async function expectNoA11yViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(violations, `accessibility on ${where}`).toEqual([]);
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  const form = page.locator('form').first();
  await form.getByLabel('E-postadress').fill(email);
  await form.getByLabel('Lösenord', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Logga in' }).click();
  await expect.poll(() => new URL(page.url()).pathname).not.toMatch(/^\/signin/);
}

/** A fresh context in Swedish at `width` px, signed in as a demo account (each as its own browser). */
export async function signedInPage(
  browser: Browser,
  server: E2eServer,
  email: string,
  width = 1280,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, server.baseUrl, email, server.demo.password);
  return { context, page };
}

/** Where to keep screenshots, when set (e.g. E2E_SCREENSHOTS=/tmp). */
const shots = process.env.E2E_SCREENSHOTS;

export async function screenshot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** axe-core (no serious or critical violation) and a screenshot, at 1280 px and at 390 px. */
export async function checkAtBothWidths(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await expectNoSeriousA11yViolations(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  await expectNoSeriousA11yViolations(page, `${name} at 390 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}
