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

// What the adept writes: none of it may reach the coordinator's pages.
const goal = {
  title: 'Medarbetarsamtal i tid',
  specific: 'Hålla alla medarbetarsamtal på mina tre boenden före den sista maj (e2e-mal-7f3a).',
  measurable: 'Samtliga tjugofyra samtal är bokade och hållna, enligt min kalender (e2e-mal-7f3a).',
  achievable: 'Samordnarna bokar tiderna och jag har avsatt två förmiddagar i veckan.',
  relevant: 'Medarbetarna har efterfrågat samtalen i två år och sjukfrånvaron är hög.',
  timeBound: '2027-05-31',
};
const log = {
  sinceLastTime: 'Samordnarna lägger nu också helgschemat (e2e-logg-91c2).',
  dialogue:
    'Vi pratade om hur jag förbereder medarbetarsamtalen utan att det tar hela veckor (e2e-logg-91c2).',
  beforeNextTime: 'Jag skickar ut kallelser till de första åtta samtalen (e2e-logg-91c2).',
};
const checkinComment = 'Lena ställer bra frågor, men vi hinner sällan klart (e2e-avstamning-5d0e).';
/** Texts of the mentor book and the private check-in comment that only the pair may ever see. */
const private_ = [goal.title, 'e2e-mal-7f3a', 'e2e-logg-91c2', 'e2e-avstamning-5d0e'];

describe("the pair's year in Chromium: goal, meeting notes, check-in, signing, and a follow-up without content", () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  let omarsPair = '';

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

  const shot = (name: string) => screenshot(page, `pair-year-${name}`);

  const checkPage = (name: string) => checkAtBothWidths(page, `pair-year-${name}`);

  const h1 = () => page.getByRole('heading', { level: 1 }).textContent();
  const main = () => page.getByRole('main');
  const pairTab = (name: string) =>
    page.getByRole('navigation', { name: 'Parets sidor' }).getByRole('link', { name, exact: true });
  const bookSection = (name: string) =>
    page.getByRole('navigation', { name: 'Mentorbokens delar' }).getByRole('link', { name, exact: true });

  /** From the home page to the pair's page, as the adept or the mentor would. */
  async function openPairFromHome(otherName: string, title: string, check?: string) {
    await page.goto(`${server.baseUrl}/`);
    const link = main().getByRole('link', { name: `Öppna parets sida – ${otherName}` });
    await expect.poll(() => link.count()).toBe(1);
    if (check) await checkPage(check);
    await link.click();
    await expect.poll(h1).toContain(title);
  }

  /** The error summary on top links to the field, and the field says it is wrong. */
  async function expectFieldError(label: string) {
    await expect
      .poll(() =>
        page
          .getByRole('alert')
          .filter({ hasText: /rättas|kontrollera fälten/ })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => page.getByRole('alert').getByRole('link').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByLabel(label).getAttribute('aria-invalid')).toBe('true');
  }

  it('the adept opens the pair from the home page and answers the check-in after the third meeting', async () => {
    await as('adept.omar@demo.bollplank.se');
    await openPairFromHome('Lena Sjö', 'Du och din mentor Lena Sjö', 'home-adept');
    omarsPair = new URL(page.url()).pathname.split('/')[2]!;
    const checkin = main().getByRole('region', { name: 'Avstämning efter tredje mötet' });
    await expect.poll(() => checkin.getByRole('group', { name: /Hur fungerar det/ }).count()).toBe(1);
    await checkPage('overview-adept');

    // Nothing chosen: the rating is asked for.
    await checkin.getByRole('button', { name: 'Skicka svaret' }).click();
    await expect
      .poll(() =>
        checkin
          .getByRole('alert')
          .filter({ hasText: /rättas|kontrollera fälten/ })
          .count(),
      )
      .toBe(1);
    await checkin
      .getByRole('group', { name: /Hur fungerar det/ })
      .getByRole('radio', { name: '4', exact: true })
      .check();
    await checkin.getByLabel(/^Kommentar/).fill(checkinComment);
    await checkin.getByRole('button', { name: 'Skicka svaret' }).click();
    await expect.poll(() => checkin.getByText('Tack! Ditt svar är sparat.').count()).toBe(1);
    await expect.poll(() => checkin.getByText('Omar Haddad (adepten): 4 av 5').count()).toBe(1);
    await expect.poll(() => checkin.getByText('Lena Sjö (mentorn): 4 av 5').count()).toBe(1);
    await shot('checkin-answered');
    await expectNoSeriousA11yViolations(page, 'the answered check-in');
    // Both have answered: the plan's check-in step is done by itself (the checklist does not follow
    // the check-in on the same page; it does once the page is loaded again).
    await page.reload();
    const step = main()
      .getByRole('listitem')
      .filter({ hasText: 'Avstämning vid tredje mötet' })
      .filter({ has: page.locator('.badge') });
    await expect.poll(() => step.locator('.badge').first().textContent()).toBe('Klar');
  });

  it('the adept writes a SMART goal, one part at a time, and the notes of a held meeting', async () => {
    await as('adept.omar@demo.bollplank.se');
    await openPairFromHome('Lena Sjö', 'Du och din mentor Lena Sjö');
    await pairTab('Mentorbok').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Mål', level: 2 }).count()).toBe(1);
    await checkPage('book-goals');

    await main().getByRole('button', { name: 'Nytt mål' }).click();
    await expect.poll(() => page.getByText('Steg 1 av 5').count()).toBe(1);
    // "Continue" with nothing written: both fields of the step are asked for, at once.
    await main().getByRole('button', { name: 'Fortsätt' }).click();
    await expectFieldError('Kort namn på målet');
    await expect.poll(() => page.getByLabel(/^Specifikt/).getAttribute('aria-invalid')).toBe('true');
    await shot('goal-step-error');
    await expectNoSeriousA11yViolations(page, 'the goal form with its errors');

    await page.getByLabel('Kort namn på målet').fill(goal.title);
    await page.getByLabel(/^Specifikt/).fill(goal.specific);
    await main().getByRole('button', { name: 'Fortsätt' }).click();
    await expect.poll(() => page.getByText('Steg 2 av 5').count()).toBe(1);
    await page.getByLabel(/^Mätbart/).fill(goal.measurable);
    await main().getByRole('button', { name: 'Fortsätt' }).click();
    await expect.poll(() => page.getByText('Steg 3 av 5').count()).toBe(1);
    await page.getByLabel(/^Accepterat och realistiskt/).fill(goal.achievable);
    await main().getByRole('button', { name: 'Fortsätt' }).click();
    await expect.poll(() => page.getByText('Steg 4 av 5').count()).toBe(1);
    await page.getByLabel(/^Relevant/).fill(goal.relevant);
    await main().getByRole('button', { name: 'Fortsätt' }).click();
    await expect.poll(() => page.getByText('Steg 5 av 5').count()).toBe(1);
    await page.getByLabel(/^Tidsatt/).fill(goal.timeBound);
    const who = page.getByRole('group', { name: /Vem ska se det här/ });
    await expect.poll(() => who.getByRole('radio', { name: /^Vi båda/ }).isChecked()).toBe(true);
    await shot('goal-last-step');
    await expectNoSeriousA11yViolations(page, 'the last step of the goal');
    await main().getByRole('button', { name: 'Spara', exact: true }).click();
    await expect.poll(() => page.getByRole('status').getByText('Sparat.').count()).toBe(1);
    await expect.poll(() => main().getByRole('heading', { name: goal.title }).count()).toBe(1);
    await expect.poll(() => main().getByText(goal.specific).filter({ visible: true }).count()).toBe(1);
    await checkPage('book-goal-saved');

    await bookSection('Mötesanteckningar').click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Mötesanteckningar', level: 2 }).count())
      .toBe(1);
    await main().getByRole('button', { name: 'Skriv anteckningar från ett möte' }).click();
    // The meetings that have begun are offered, latest first: the notes belong to the latest.
    const meeting = page.getByLabel(/^Vilket möte gäller anteckningen/);
    const options = await meeting.locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(1);
    await meeting.selectOption({ index: 1 });
    await page.getByLabel(/^Vad har hänt sedan sist/).fill(log.sinceLastTime);
    await page.getByLabel(/^Dialogen/).fill(log.dialogue);
    await page.getByLabel(/^Vad ska hända till nästa gång/).fill(log.beforeNextTime);
    await shot('log-form');
    await expectNoSeriousA11yViolations(page, 'the meeting notes form');
    await main().getByRole('button', { name: 'Spara', exact: true }).click();
    await expect.poll(() => page.getByRole('status').getByText('Sparat.').count()).toBe(1);
    await expect.poll(() => main().getByText(log.dialogue).filter({ visible: true }).count()).toBe(1);
    await checkPage('book-log-saved');

    // And how it goes with the goal, on the scale from 1 to 10.
    await bookSection('Framsteg').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Framsteg', level: 2 }).count()).toBe(1);
    await main()
      .getByRole('button', { name: new RegExp(`^Ny skattning\\W+${goal.title}$`) })
      .click();
    await page
      .getByRole('group', { name: /Hur går det med målet just nu/ })
      .getByRole('radio', { name: '3', exact: true })
      .check();
    await main().getByRole('button', { name: 'Spara', exact: true }).click();
    await expect.poll(() => page.getByRole('status').getByText('Sparat.').count()).toBe(1);
    const ratings = main().getByRole('table', { name: `Skattningar för ${goal.title}` });
    await expect.poll(() => ratings.getByRole('row').count()).toBe(2);
    await expect.poll(() => ratings.getByRole('row').nth(1).textContent()).toContain('3');
    await checkPage('book-progress');
  });

  it('the mentor sees the goal and the notes', async () => {
    await as('mentor.lena@demo.bollplank.se');
    await openPairFromHome('Omar Haddad', 'Du och din adept Omar Haddad', 'home-mentor');
    await checkPage('overview-mentor');
    await pairTab('Mentorbok').click();
    await expect.poll(() => main().getByRole('heading', { name: goal.title }).count()).toBe(1);
    await expect.poll(() => main().getByText(goal.measurable).filter({ visible: true }).count()).toBe(1);
    await expect.poll(() => main().getByText('Skriven av Omar Haddad').count()).toBeGreaterThan(0);
    await bookSection('Mötesanteckningar').click();
    await expect.poll(() => main().getByText(log.sinceLastTime).filter({ visible: true }).count()).toBe(1);
    await expect.poll(() => main().getByText(log.dialogue).filter({ visible: true }).count()).toBe(1);
    await expect.poll(() => main().getByText(log.beforeNextTime).filter({ visible: true }).count()).toBe(1);
    await checkPage('book-mentor-log');
    // The adept's comment on the check-in was not for anyone else.
    await pairTab('Översikt').click();
    await expect.poll(() => main().getByText('Omar Haddad (adepten): 4 av 5').count()).toBe(1);
    expect(await page.content()).not.toContain('e2e-avstamning-5d0e');
  });

  it('the coordinator follows the pair: the check-in step done, the ratings, and not a word of the mentor book', async () => {
    await as('hr.enkoping@demo.bollplank.se');
    await page.getByRole('navigation').getByRole('link', { name: 'Uppföljning' }).click();
    await expect.poll(h1).toBe('Uppföljning');
    await page.getByLabel('Program', { exact: true }).selectOption({ label: programmeName });
    const table = page.getByRole('table', { name: new RegExp(`^Par i ${programmeName}`) });
    await expect.poll(() => table.count()).toBe(1);
    const row = table.getByRole('row').filter({ hasText: 'Omar Haddad – Lena Sjö' });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.textContent()).toMatch(/[1-9]\d* av \d+ klara/);
    // Signed by both long ago, done since: not overdue.
    expect(await row.textContent()).not.toContain('Sekretessavtalet');
    await expect.poll(() => row.textContent()).toContain('adepten: 4 av 5');
    await expect.poll(() => row.textContent()).toContain('mentorn: 4 av 5');
    const followUp = await page.content();
    for (const text of private_) expect(followUp, `"${text}" on the follow-up`).not.toContain(text);
    await checkPage('follow-up');

    await row.getByRole('link', { name: 'Omar Haddad – Lena Sjö' }).click();
    await expect.poll(h1).toContain('Omar Haddad och Lena Sjö');
    expect(new URL(page.url()).pathname).toBe(`/pairs/${omarsPair}`);
    const step = main()
      .getByRole('listitem')
      .filter({ hasText: 'Avstämning vid tredje mötet' })
      .filter({ has: page.locator('.badge') });
    await expect.poll(() => step.locator('.badge').first().textContent()).toBe('Klar');
    await expect
      .poll(() =>
        main()
          .getByText(/\d+ av \d+ klara/)
          .count(),
      )
      .toBeGreaterThan(0);
    // The pair's own sections are not there, and the page holds none of their text.
    await expect.poll(() => page.getByRole('link', { name: 'Mentorbok' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: 'Överenskommelser' }).count()).toBe(0);
    const pairPage = await page.content();
    for (const text of private_) expect(pairPage, `"${text}" on the pair's page`).not.toContain(text);
    await checkPage('pair-coordinator');

    // Not through the address either, nor the API with the same cookies.
    await page.goto(`${server.baseUrl}/pairs/${omarsPair}/book`);
    await expect.poll(h1).toContain('Omar Haddad och Lena Sjö');
    for (const text of private_) expect(await page.content()).not.toContain(text);
    const book = await page.request.get(`${server.baseUrl}/api/pairs/${omarsPair}/book`);
    expect([403, 404]).toContain(book.status());
    for (const text of private_) expect(await book.text()).not.toContain(text);
  });

  it('an adept signs the contract after the first meeting, and the mentorship starts', async () => {
    await as('adept.moa@demo.bollplank.se');
    await openPairFromHome('Per Dahl', 'Du och din mentor Per Dahl');
    await expect
      .poll(() => main().getByText('Första mötet hållet', { exact: false }).count())
      .toBeGreaterThan(0);
    // The home page says what she has left to do for the mentorship to start, and leads there.
    await page.goto(`${server.baseUrl}/`);
    await expect
      .poll(() => main().getByText('Det som väntar på dig i mentorskapen står nedan.').count())
      .toBe(1);
    await main().getByRole('link', { name: 'Fyll i och skriv under samarbetskontraktet' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/pairs\/[0-9a-f-]{36}\/agreements$/);
    const contract = main().getByRole('region', { name: 'Samarbetskontrakt' });
    await expect.poll(() => contract.getByRole('button', { name: 'Skriv under' }).count()).toBe(1);
    await checkPage('agreements-before');

    // A signature is a typed name: without one, it is asked for.
    await contract.getByRole('button', { name: 'Skriv under' }).click();
    await expect
      .poll(() => contract.getByLabel('Skriv ditt namn som underskrift').getAttribute('aria-invalid'))
      .toBe('true');
    await contract.getByLabel('Skriv ditt namn som underskrift').fill('Moa Ek');
    await contract.getByRole('button', { name: 'Skriv under' }).click();
    await expect.poll(() => contract.getByText('Båda har skrivit under den här versionen.').count()).toBe(1);
    await checkPage('agreements-signed');

    await pairTab('Översikt').click();
    await expect
      .poll(() =>
        main()
          .getByRole('definition')
          .filter({ hasText: /^Aktivt$/ })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => main().getByText('Mentorskapet pågår.').count()).toBe(1);
    // Both signatures of the confidentiality agreement completed its step of the plan.
    const confidentiality = main()
      .getByRole('listitem')
      .filter({ hasText: 'Sekretessavtalet undertecknat av både mentor och adept' })
      .filter({ has: page.locator('.badge') });
    await expect.poll(() => confidentiality.locator('.badge').first().textContent()).toBe('Klar');
    await checkPage('overview-active');

    // The next meeting, booked by phone: both get an invitation for their calendars.
    await pairTab('Möten').click();
    await expect.poll(() => main().getByRole('heading', { name: 'Boka ett möte' }).count()).toBe(1);
    const inThreeWeeks = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
      new Date(Date.now() + 21 * 86_400_000),
    );
    const book = main().getByRole('region', { name: 'Boka ett möte' });
    await book.getByLabel(/^Datum/).fill(inThreeWeeks);
    await book.getByLabel(/^Tid/).fill('10:30');
    await book.getByLabel(/^Längd i minuter/).fill('60');
    await book.getByRole('radio', { name: 'Telefon' }).check();
    await book.getByLabel(/^Vem ringer vem/).fill('Per ringer Moa på 070-123 45 67.');
    await book.getByRole('button', { name: 'Boka mötet' }).click();
    await expect
      .poll(() => main().getByText('Mötet är bokat. Ni har båda fått en inbjudan via e-post.').count())
      .toBe(1);
    const upcoming = main().getByRole('region', { name: 'Kommande möten' });
    await expect.poll(() => upcoming.getByText('Per ringer Moa på 070-123 45 67.').count()).toBe(1);
    await checkPage('meetings-booked');
    const invitations = await server.db
      .selectFrom('outbox')
      .select(['to_email', 'calendar'])
      .where('calendar', 'is not', null)
      .where('to_email', 'in', ['adept.moa@demo.bollplank.se', 'mentor.per@demo.bollplank.se'])
      .execute();
    const booked = invitations.filter((m) => m.calendar!.includes('070-123 45 67'));
    expect(booked.map((m) => m.to_email).sort()).toEqual([
      'adept.moa@demo.bollplank.se',
      'mentor.per@demo.bollplank.se',
    ]);
    expect(booked[0]!.calendar).toContain('TZID=Europe/Stockholm');
    const pair = await server.db
      .selectFrom('pairs as p')
      .innerJoin('people as a', 'a.id', 'p.adept_id')
      .select(['p.status', 'p.active_since'])
      .where('a.email', '=', 'adept.moa@demo.bollplank.se')
      .executeTakeFirstOrThrow();
    expect(pair.status).toBe('active');
    expect(pair.active_since).not.toBeNull();
  });

  it('after the year, the adept finds the closed mentorship and its mentor book from Min mentor', async () => {
    await as('adept.therese@demo.bollplank.se');
    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => main().getByText('Ditt mentorskap i programmet är avslutat.').count()).toBe(1);
    await page.getByRole('navigation').getByRole('link', { name: 'Min mentor' }).click();
    await expect.poll(h1).toBe('Min mentor');
    await expect.poll(() => main().getByText('Du har inget pågående mentorskap just nu.').count()).toBe(1);
    const ended = main().getByRole('region', { name: 'Avslutade mentorskap' });
    await checkPage('my-mentor-ended');
    await ended.getByRole('link', { name: 'Parets sida och mentorboken – Sven Berg' }).click();
    await expect.poll(h1).toContain('Du och din mentor Sven Berg');
    await expect
      .poll(() =>
        main().getByText('Mentorboken finns kvar för er att läsa och ladda ner under Mentorbok.').count(),
      )
      .toBe(1);
  });
});
