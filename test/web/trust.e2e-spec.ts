import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { DEMO_PASSWORD, signInAs } from './support/sign-in';
import { type BrowserSession, gql, openBrowser, startWebServer, type WebServer } from './support/web-harness';

// Issue 12, web: therapist credentials and locations, the admin's verification queue, prescriber verification and
// the audit log, through the pages (forms posted without JavaScript unless said otherwise).

const PASSWORD = 'a long and unusual passphrase 2026';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A valid NPI (Luhn over 80840 + nine digits) that no one else in the run has. */
function freshNpi(): string {
  for (;;) {
    const base = String(Math.floor(100_000_000 + Math.random() * 99_999_999));
    const digits = `80840${base}`;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    const npi = `${base}${(10 - (sum % 10)) % 10}`;
    if (npi !== '1234567893') return npi;
  }
}

function startRegistry(records: Map<string, unknown>): Promise<Server> {
  const server = createServer((req, res) => {
    const npi = new URL(req.url ?? '/', 'http://registry').searchParams.get('number') ?? '';
    const record = records.get(npi);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(record ? { result_count: 1, results: [record] } : { result_count: 0, results: [] }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function signUp(page: Page, role: 'a massage therapist' | 'a prescriber', name: string, email: string) {
  await page.goto('/sign-up');
  await page.locator(`label[for=sign-up-role-${role === 'a prescriber' ? 'provider' : 'therapist'}]`).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-up');
}

/** axe needs JavaScript: the page's URL is opened again with JavaScript on, with the same session cookies. */
async function expectNoAxeViolations(page: Page) {
  const context = await page
    .context()
    .browser()!
    .newContext({ baseURL: new URL(page.url()).origin });
  await context.addCookies(await page.context().cookies());
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  const twin = await context.newPage();
  await twin.goto(page.url());
  const violations = await axeViolations(twin);
  await context.close();
  expect(violations).toEqual([]);
}

async function apiToken(server: WebServer, email: string, password: string): Promise<string> {
  const data = await gql<{ login: { accessToken: string } }>(
    server,
    `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
    { input: { email, password } },
  );
  return data.login.accessToken;
}

/** The demo data leaves credentials pending; they are decided first so the test's own come first in the queue. */
async function clearDemoQueue(server: WebServer): Promise<void> {
  const token = await apiToken(server, 'admin@demo.example', DEMO_PASSWORD);
  for (;;) {
    const { pendingCredentials } = await gql<{ pendingCredentials: { credentialId: string; kind: string }[] }>(
      server,
      `{ pendingCredentials(first: 200) { credentialId kind } }`,
      {},
      token,
    );
    if (pendingCredentials.length === 0) return;
    for (const { credentialId, kind } of pendingCredentials)
      await gql(
        server,
        `mutation($input: VerifyCredentialInput!) { verifyCredential(input: $input) { status } }`,
        { input: { credentialId, kind, status: 'VERIFIED', source: 'demo data' } },
        token,
      );
  }
}

describe('signed-in web: trust (credentials, verification queue, prescribers, audit log)', () => {
  let server: WebServer;
  let browser: BrowserSession;
  let registry: Server;
  const records = new Map<string, unknown>();
  let admin: Page;

  beforeAll(async () => {
    registry = await startRegistry(records);
    const { port } = registry.address() as AddressInfo;
    server = await startWebServer({ seed: true, nppesApiUrl: `http://127.0.0.1:${port}/api/` });
    browser = await openBrowser(server.url);
    await clearDemoQueue(server);
    admin = await browser.page({ javaScript: false });
    await signInAs(admin, 'admin@demo.example', '/admin');
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    registry?.close();
  });

  it('a therapist adds a Florida license and a Miami location; the admin verifies it; Miami search shows them verified', async () => {
    const name = `Quinta Verity ${Date.now() % 100000}`;
    const page = await browser.page({ javaScript: false });
    await signUp(page, 'a massage therapist', name, `verity-${Date.now()}@example.test`);

    await page.goto('/profile');
    expect(await page.locator('h1').innerText()).toBe('Your profile');
    expect(await page.locator('#completeness-heading + p + ul').innerText()).toMatch(/Add a practice location/);
    await expectNoAxeViolations(page);

    await page.goto('/profile/locations');
    const add = async (state: string) => {
      await page.getByLabel('Street address').fill('1200 Brickell Avenue');
      await page.getByLabel('City').fill('Miami');
      await page.getByLabel('State', { exact: true }).selectOption(state);
      await page.getByLabel('ZIP code').fill('33131');
      await page.getByRole('button', { name: 'Add location' }).click();
      await page.waitForLoadState();
    };
    await add('NY');
    // A ZIP in another state is refused, with the reason next to the field.
    expect(await page.locator('#location-state-error').innerText()).toMatch(
      /does not match the ZIP code's state \(FL\)/i,
    );
    await expectNoAxeViolations(page);
    await add('FL');
    await page.waitForURL(/done=added/);
    const card = page.locator('.usa-card', { hasText: '1200 Brickell Avenue' });
    expect(await card.innerText()).toMatch(/Not licensed: a verified, unexpired Florida license would make/);
    await expectNoAxeViolations(page);

    await page.goto('/profile/credentials');
    await page.getByLabel('State that issued the license').selectOption('FL');
    await page.getByLabel('License number').fill('MA77123');
    await page.locator('#license-expiresOn').fill(day(45));
    await page.getByRole('button', { name: 'Add license' }).click();
    await page.waitForURL(/done=license/);
    const license = page.locator('li', { hasText: 'Florida license MA77123' });
    expect(await license.locator('.usa-tag').textContent()).toBe('Pending');
    // Expires within 60 days: warned on the page.
    expect(await page.locator('.usa-alert--warning').first().innerText()).toMatch(/Expires in 45 days/);
    await expectNoAxeViolations(page);
    await page.goto('/profile');
    expect(await page.locator('main').innerText()).toMatch(/Your Florida license is waiting for verification/);

    // The admin verifies it from the queue, where the Florida board's look-up is named.
    await admin.goto('/admin/verification');
    const item = admin.locator('li', { hasText: 'license MA77123' });
    expect(await item.innerText()).toMatch(/Florida Board of Massage Therapy license look-up/);
    expect(await item.locator('a[href*="mqa-internet.doh.state.fl.us"]').count()).toBe(1);
    await expectNoAxeViolations(admin);
    await item.getByLabel('Source checked').fill('Florida Board of Massage Therapy online lookup');
    await item.getByRole('button', { name: 'Verify' }).click();
    await admin.waitForURL(/done=verified/);
    expect(await admin.locator('li', { hasText: 'license MA77123' }).count()).toBe(0);

    await page.goto('/profile/locations');
    expect(await page.locator('.usa-card', { hasText: '1200 Brickell Avenue' }).innerText()).toMatch(
      /Licensed: you hold/,
    );
    await page.goto('/profile/credentials');
    expect(await page.locator('li', { hasText: 'Florida license MA77123' }).locator('.usa-tag').textContent()).toBe(
      'Verified',
    );
    await page.goto('/profile/preview');
    expect(await page.locator('h1').innerText()).toContain(name);
    await expectNoAxeViolations(page);

    // The search index catches up within seconds: the therapist is verified in a Miami search.
    let result = '';
    for (let i = 0; i < 40 && !/Florida license verified against/.test(result); i++) {
      await page.goto(`/search?q=${encodeURIComponent(name)}&near=${encodeURIComponent('Miami, FL')}`);
      result = await page
        .locator('ol.result-list > li', { hasText: name })
        .innerText()
        .catch(() => '');
      if (!/Florida license verified against/.test(result)) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(result).toMatch(/Florida license verified against/);
    await page.context().close();
  }, 180_000);

  it('a prescriber enters an NPI, is refused until the admin verifies it against NPPES, then sends; the audit log shows it', async () => {
    const email = `dr-tester-${Date.now()}@example.test`;
    const page = await browser.page({ javaScript: true });
    await signUp(page, 'a prescriber', 'Priya Tester', email);
    await page.goto('/profile');
    expect(await page.locator('h1').innerText()).toBe('Your prescriber profile');
    // The check digit is tested as it is typed (JavaScript), and again on save.
    await page.getByLabel('NPI (National Provider Identifier)').fill('1234567890');
    expect(await page.locator('#prescriber-npi-check').innerText()).toMatch(/check digit does not match/);
    await page.getByRole('button', { name: 'Save profile' }).click();
    expect(await page.locator('#prescriber-npi-error').innerText()).toMatch(/not a valid NPI/);
    const npi = freshNpi();
    records.set(npi, {
      number: npi,
      enumeration_type: 'NPI-1',
      basic: { first_name: 'PRIYA', last_name: 'TESTER', status: 'A' },
      taxonomies: [{ code: '207Q00000X', desc: 'Family Medicine', primary: true, state: 'FL' }],
      addresses: [{ address_purpose: 'LOCATION', state: 'FL' }],
    });
    await page.getByLabel('NPI (National Provider Identifier)').fill(npi);
    expect(await page.locator('#prescriber-npi-check').innerText()).toMatch(/check digit is right/);
    await page.getByLabel('Taxonomy (NUCC)').selectOption('207Q00000X');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.waitForURL(/done=prescriber/);
    expect(await page.locator('#npi-status-heading + p').textContent()).toMatch(/Pending/);
    await expectNoAxeViolations(page);

    // Sending is refused while the NPI waits (checked through the API: the composer is its own page).
    const token = await apiToken(server, email, PASSWORD);
    const send = () =>
      gql<{ createReferral: { referral: { id: string } } }>(
        server,
        `mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }`,
        {
          input: {
            idempotencyKey: `trust-${Date.now()}-${Math.random()}`,
            patient: { fullName: 'Zelda Quibblesworth', dateOfBirth: '1961-04-17' },
            prescription: {
              diagnosisCodes: ['G56.01'],
              bodyRegions: ['right wrist'],
              visitsPerWeek: 2,
              durationWeeks: 4,
              visitsAuthorized: 8,
              sessionMinutes: 45,
              goals: ['Type for 2 hours without pain'],
              writtenOn: day(0),
              expiresOn: day(90),
            },
          },
        },
        token,
      );
    await expect(send()).rejects.toThrow(/FORBIDDEN|verified/);

    await admin.goto('/admin/verification');
    await admin
      .locator('li', { hasText: `NPI ${npi}` })
      .getByRole('link')
      .click();
    await admin.waitForURL(/\/admin\/verification\/npi\//);
    const table = await admin.locator('table').innerText();
    expect(table).toMatch(/PRIYA TESTER/);
    expect(table).toMatch(/207Q00000X: Family Medicine/);
    await expectNoAxeViolations(admin);
    await admin.getByRole('button', { name: 'Verify' }).click();
    await admin.waitForURL(/done=npi-verified/);

    await page.goto('/profile');
    expect(await page.locator('#npi-status-heading + p').textContent()).toMatch(/Verified/);
    const referralId = (await send()).createReferral.referral.id;

    await admin.goto(`/admin/audit?referral=${referralId}`);
    const rows = await admin.locator('tbody').innerText();
    expect(rows).toMatch(/CREATE/);
    expect(rows).toMatch(/ALLOWED/);
    expect(rows).not.toMatch(/Zelda/);
    await expectNoAxeViolations(admin);
    await page.context().close();
  }, 180_000);

  it('admin pages: overview, reports, audit paging, a therapist with history; ADMIN only', async () => {
    await admin.goto('/admin');
    expect(await admin.locator('main').innerText()).toMatch(/Florida Board of Massage Therapy/);
    await expectNoAxeViolations(admin);
    await admin.goto('/admin/reports');
    await expectNoAxeViolations(admin);
    await admin.goto('/admin/audit');
    const next = admin.getByRole('link', { name: 'Next page' });
    if (await next.count()) {
      await next.click();
      expect(await admin.getByRole('link', { name: 'First page' }).count()).toBe(1);
    }
    await expectNoAxeViolations(admin);
    await admin.goto('/admin/verification');
    await expectNoAxeViolations(admin);

    const therapist = await browser.page({ javaScript: false });
    await signInAs(therapist, 'therapist@demo.example');
    await therapist.goto('/admin');
    expect(await therapist.locator('h1').innerText()).toMatch(/not found|cannot find/i);
    await therapist.goto('/profile/preview');
    const href = (await therapist.getByRole('link', { name: 'your public profile' }).getAttribute('href')) ?? '';
    const therapistId = /([0-9a-f-]{36})$/.exec(href)![1];
    await admin.goto(`/admin/therapists/${therapistId}`);
    await admin.getByLabel('Reason').fill('Listing under review after a report');
    await admin.getByRole('button', { name: 'Suspend therapist' }).click();
    await admin.waitForURL(/done=suspended/);
    expect(await admin.locator('table').innerText()).toMatch(/Listing under review after a report/);
    await expectNoAxeViolations(admin);
    await admin.getByLabel('Reason').fill('Reviewed: the listing is right');
    await admin.getByRole('button', { name: 'Reinstate therapist' }).click();
    await admin.waitForURL(/done=reinstated/);
    await therapist.context().close();
  }, 120_000);
});
