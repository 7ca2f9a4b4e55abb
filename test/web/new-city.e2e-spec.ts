import type { Page } from 'playwright-core';
import { emailOfTherapist } from './support/accounts';
import { axeViolations } from './support/axe';
import { fillComposer } from './support/referral-steps';
import { sessionCookies, signInAs } from './support/sign-in';
import { type BrowserSession, openBrowser, startWebServer, type WebServer } from './support/web-harness';

// An open referral: the patient finds therapists in the city they moved to, is declined, chooses again.
describe('signed-in web: the new-city loop', () => {
  let server: WebServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = process.env.MMN_WEB_URL
      ? { url: process.env.MMN_WEB_URL, databaseUrl: process.env.MMN_WEB_DATABASE_URL!, stop: async () => undefined }
      : await startWebServer({ seed: true });
    browser = await openBrowser(server.url);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function chooseFirst(page: Page, skipName?: string): Promise<string> {
    await page.getByLabel('City or ZIP code').fill('Miami, FL');
    await page.getByRole('button', { name: 'Search therapists' }).click();
    const choose = page.getByRole('button', { name: /^Choose this therapist: / });
    await choose.first().waitFor();
    const names = (await choose.allInnerTexts()).length;
    expect(names).toBeGreaterThan(1);
    for (const button of await choose.all()) {
      const label = (await button.getAttribute('aria-label'))!.replace('Choose this therapist: ', '');
      if (skipName && label === skipName) continue;
      const id = await button.getAttribute('data-therapist-id');
      await button.click();
      await page.waitForURL(/done=chosen/, { timeout: 10_000 }).catch(async (e: unknown) => {
        throw new Error(`${String(e)}\n${(await page.locator('main').innerText()).slice(0, 1500)}`);
      });
      return `${id}|${label}`;
    }
    throw new Error('no therapist to choose');
  }

  it('open referral without JavaScript; patient chooses in Miami; declined with a reason; chooses another who accepts', async () => {
    // The prescriber leaves it open (the composer without JavaScript).
    const prescriber = await browser.page({ javaScript: false });
    await signInAs(prescriber, 'provider@demo.example', '/referrals/new');
    const patientName = `Sam Mover ${Date.now()}`;
    await fillComposer(prescriber, { patientName, dob: '1990-01-15', codes: 'M54.50', visits: 8 });
    await prescriber.getByRole('button', { name: 'Review the referral' }).click();
    expect(await prescriber.locator('.review-list').innerText()).toContain('Open: the patient chooses');
    await prescriber.getByRole('button', { name: 'Send referral' }).click();
    const code = await prescriber.getByTestId('access-code').innerText();

    // The patient claims it and searches the new city (JavaScript on).
    const patient = await browser.page({ javaScript: true });
    await patient.goto('/sign-up?next=/claim');
    await patient.locator('label[for=sign-up-role-patient]').click();
    await patient.getByLabel('Your name').fill('Sam Mover');
    await patient.getByLabel('Email address').fill(`sam.mover.${Date.now()}@example.com`);
    await patient.getByLabel('Password').fill('granite meadow cobalt whistle');
    await patient.getByRole('button', { name: 'Create account' }).click();
    await patient.waitForURL(/\/claim$/);
    await patient.getByRole('heading', { name: 'Claim your referral' }).waitFor();
    await patient.waitForLoadState('networkidle');
    expect(await axeViolations(patient)).toEqual([]);
    await patient.getByLabel('Access code').fill(code);
    await patient.getByLabel('Your date of birth').fill('1990-01-15');
    await patient.getByRole('button', { name: 'Claim referral' }).click();
    await patient.waitForURL(/done=claimed/);
    const referralPath = new URL(patient.url()).pathname;
    expect(await patient.locator('main').innerText()).toContain('Waiting for the patient to choose a therapist');
    // No patient detail in the URL or the title.
    expect(patient.url()).not.toMatch(/Sam|1990/);
    expect(await patient.title()).toBe('Referral · Medical Massage Network');
    const first = await chooseFirst(patient);
    await patient.waitForLoadState('networkidle');
    expect(await axeViolations(patient)).toEqual([]);

    // That therapist declines with a reason, without JavaScript.
    const [firstId, firstName] = first.split('|');
    const declining = await browser.page({ javaScript: false });
    await signInAs(declining, await emailOfTherapist(server, firstId), referralPath);
    await declining.getByRole('button', { name: 'Decline referral' }).click();
    await declining.getByText('Choose why you are declining.').waitFor();
    await declining.getByLabel('Why are you declining?').selectOption('TOO_FAR');
    await declining.getByLabel('More about the reason').fill('My practice is in the north of the county.');
    await declining.getByRole('button', { name: 'Decline referral' }).click();
    await declining.waitForURL(/done=declined/);

    // The patient sees why and chooses another; that one accepts (without JavaScript).
    await patient.goto(referralPath);
    expect(await patient.getByTestId('timeline').innerText()).toContain('Too far from my practice');
    expect(await patient.getByRole('heading', { name: 'Choose a new therapist' }).count()).toBe(1);
    const second = await chooseFirst(patient, firstName);
    const [secondId] = second.split('|');
    expect(secondId).not.toBe(firstId);
    const accepting = await browser.page({ javaScript: false });
    await signInAs(accepting, await emailOfTherapist(server, secondId), referralPath);
    await accepting.getByRole('button', { name: 'Accept referral' }).click();
    await accepting.waitForURL(/done=accepted/);
    expect(await accepting.locator('main').innerText()).toContain('Accepted');

    // The patient's list says what happens next; the prescriber's worklist shows it active.
    await patient.goto('/referrals');
    expect(await patient.locator('table.worklist').innerText()).toContain('Book your first visit');
    await prescriber.goto('/referrals?show=active');
    expect(await prescriber.locator('table.worklist').innerText()).toContain(patientName);
    const response = await prescriber.request.get(referralPath);
    expect(response.headers()['cache-control']).toMatch(/no-store/);
    for (const page of [prescriber, patient, declining, accepting]) await page.context().close();
  }, 300_000);

  it('an expired session on a referral page returns to it after signing in again', async () => {
    const page = await browser.page({ javaScript: false });
    await signInAs(page, 'provider@demo.example', '/referrals?show=active');
    const link = page.locator('table.worklist tbody a').first();
    const path = (await link.getAttribute('href'))!;
    const { access, refresh } = await sessionCookies(page);
    await page.context().clearCookies({ name: access!.name });
    await page.context().addCookies([{ ...refresh!, value: 'expired-long-ago' }]);
    await page.goto(path);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(path);
    await page.getByLabel('Email address').fill('provider@demo.example');
    await page.getByLabel('Password').fill('demo-massage-network-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === path);
    expect(await page.locator('h1').innerText()).toBe('Referral for medical massage');
    await page.context().close();
  });
});
