import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { fillComposer, referralIdOf, reviewAndSend } from './support/referral-steps';
import { DEMO_PASSWORD, signInAs } from './support/sign-in';
import { type BrowserSession, gql, openBrowser, startWebServer, type WebServer } from './support/web-harness';

// The referral loop in the browser: prescriber composes, patient claims, therapist treats, prescriber follows.
describe('signed-in web: the closed referral loop', () => {
  let server: WebServer;
  let browser: BrowserSession;
  let therapistId: string;

  beforeAll(async () => {
    // MMN_WEB_URL: a site already running (a developer's loop); otherwise the harness starts one.
    server = process.env.MMN_WEB_URL
      ? { url: process.env.MMN_WEB_URL, databaseUrl: '', stop: async () => undefined }
      : await startWebServer({ seed: true });
    browser = await openBrowser(server.url);
    const { searchTherapists } = await gql<{
      searchTherapists: { hits: { therapist: { id: string; displayName: string } }[] };
    }>(
      server,
      `{ searchTherapists(input: { near: "Miami, FL", pageSize: 50 }) { hits { therapist { id displayName } } } }`,
    );
    therapistId = searchTherapists.hits.find((h) => h.therapist.displayName === 'Demo Therapist')!.therapist.id;
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signUpPatient(page: Page, email: string): Promise<void> {
    await page.goto('/sign-up?next=/claim');
    await page.locator('label[for=sign-up-role-patient]').click();
    await page.getByLabel('Your name').fill('Casey Patient');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('lantern orchard velvet quarry');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/claim$/);
  }

  async function act(page: Page, button: string, done: RegExp): Promise<void> {
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.waitForURL(done);
  }

  it('prescriber to patient to therapist and back; the endorsement and counts reach the public profile', async () => {
    // The prescriber composes from the therapist's profile link, with the diagnosis look-up.
    const prescriber = await browser.page({ javaScript: true });
    prescriber.setDefaultTimeout(15_000);
    await signInAs(prescriber, 'provider@demo.example', `/referrals/new?therapist=${therapistId}`);
    expect(await prescriber.getByLabel('Demo Therapist').isChecked()).toBe(true);
    expect(await axeViolations(prescriber)).toEqual([]);
    await fillComposer(prescriber, {
      patientName: 'Jordan Loop',
      dob: '1980-04-02',
      lookUp: { text: 'carpal', code: 'G56.01' },
      visits: 3,
    });
    expect(await prescriber.getByLabel('Diagnosis codes (ICD-10-CM)').inputValue()).toContain('G56.01');
    const code = await reviewAndSend(prescriber);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await prescriber.getByText('never stored').count()).toBe(1);
    expect(await axeViolations(prescriber)).toEqual([]);
    const referralId = referralIdOf(
      (await prescriber.getByRole('link', { name: 'Go to the referral' }).getAttribute('href'))!,
    );
    await prescriber.getByRole('button', { name: 'Open the printable hand-out' }).click();
    await prescriber.waitForURL(new RegExp(`/referrals/${referralId}/handout$`));
    expect(await prescriber.getByTestId('handout-code').innerText()).toBe(code);
    expect(await prescriber.title()).not.toContain('Jordan');
    expect(await axeViolations(prescriber)).toEqual([]);

    // The patient signs up and claims it with the code and the birth date (a wrong date first).
    const patient = await browser.page({ javaScript: true });
    await signUpPatient(patient, `jordan.loop.${Date.now()}@example.com`);
    await patient.getByLabel('Access code').fill(code.toLowerCase());
    await patient.getByLabel('Your date of birth').fill('1980-04-03');
    await patient.getByRole('button', { name: 'Claim referral' }).click();
    await patient
      .getByRole('alert')
      .getByText(/do not match a referral/)
      .waitFor();
    expect(await axeViolations(patient)).toEqual([]);
    await patient.getByLabel('Access code').fill(code);
    await patient.getByLabel('Your date of birth').fill('1980-04-02');
    await act(patient, 'Claim referral', new RegExp(`/referrals/${referralId}\\?done=claimed$`));
    expect(await patient.locator('main').innerText()).toContain('Waiting for the therapist');

    // The therapist accepts, records three visits and a progress note (JavaScript off).
    const therapist = await browser.page({ javaScript: false });
    await signInAs(therapist, 'therapist@demo.example', `/referrals/${referralId}`);
    await act(therapist, 'Accept referral', /done=accepted/);
    for (let i = 1; i <= 3; i++) {
      await therapist.getByLabel('Subjective').fill(`Numbness less at night, visit ${i}`);
      await therapist.getByLabel('Plan').fill('Continue twice a week');
      await act(therapist, 'Record visit', /done=visit/);
    }
    expect(await therapist.getByTestId('visits').locator('li').count()).toBe(3);
    expect(await therapist.locator('.allowance').innerText()).toContain('0 visits left');
    expect(await therapist.getByText('Ask the prescriber').count()).toBe(1);
    await therapist
      .getByLabel('Progress note', { exact: true })
      .fill('Grip strength improving; please renew for two more visits.');
    await act(therapist, 'Send progress note', /done=note/);
    // axe is a script in the page: the therapist's page is checked again with JavaScript on.
    const checker = await browser.page({ javaScript: true });
    await signInAs(checker, 'therapist@demo.example', `/referrals/${referralId}`);
    expect(await axeViolations(checker)).toEqual([]);
    await checker.context().close();

    // The prescriber sees visits and the note on the timeline, and renews.
    await prescriber.goto(`/referrals/${referralId}`);
    const timeline = await prescriber.getByTestId('timeline').innerText();
    expect(timeline.match(/Visit recorded/g)?.length).toBe(3);
    expect(timeline).toContain('please renew for two more visits');
    expect(await axeViolations(prescriber)).toEqual([]);
    await prescriber.getByLabel('Visits to add').fill('2');
    await act(prescriber, 'Renew referral', /done=renewed/);
    expect(await prescriber.locator('.allowance').innerText()).toContain('2 visits left');

    // The therapist completes with a discharge summary.
    await therapist.goto(`/referrals/${referralId}`);
    await therapist.getByLabel('Discharge summary').fill('Symptoms resolved; home exercises taught.');
    await therapist.locator('label[for=complete-mmi-yes]').click();
    await act(therapist, 'Complete referral', /done=completed/);

    // The prescriber endorses; the public profile shows it and the counts.
    await prescriber.goto(`/referrals/${referralId}`);
    expect(await prescriber.getByText('Symptoms resolved').count()).toBe(1);
    await prescriber.getByLabel('A few words for the profile').fill('Thorough and kind with my patients.');
    await act(prescriber, 'Endorse', /done=endorsed/);
    const profile = await browser.page({ javaScript: false });
    await profile.goto(`/therapists/demo-therapist-${therapistId}`);
    const text = await profile.locator('main').innerText();
    expect(text).toContain('Thorough and kind with my patients.');
    expect(text).toMatch(/1 completed referral/);

    // The worklist counts it as completed.
    await prescriber.goto('/referrals?show=completed');
    expect(await prescriber.getByTestId('tile-completed').innerText()).toMatch(/^[1-9]/);
    expect(await prescriber.locator('table.worklist tbody tr').count()).toBeGreaterThan(0);
    expect(await axeViolations(prescriber)).toEqual([]);
    for (const page of [prescriber, patient, therapist, profile]) await page.context().close();
  }, 300_000);

  it('a double-submitted composer without JavaScript makes one referral; a non-party gets the 404 page', async () => {
    const page = await browser.page({ javaScript: false });
    await signInAs(page, 'provider@demo.example', '/referrals/new');
    const twiceName = `Robin Twice ${Date.now()}`;
    await fillComposer(page, { patientName: twiceName, dob: '1975-09-09', codes: 'M54.50', visits: 6 });
    await page.getByRole('button', { name: 'Review the referral' }).click();
    await page.getByRole('heading', { name: 'Review the referral' }).waitFor();
    // The same post twice, as a double click or a retry after a network error would send it.
    const [post] = await Promise.all([
      page.waitForRequest((request) => request.method() === 'POST'),
      page.getByRole('button', { name: 'Send referral' }).click(),
    ]);
    await page.getByTestId('access-code').waitFor();
    const code = await page.getByTestId('access-code').innerText();
    const replay = await page.request.fetch(post.url(), {
      method: 'POST',
      headers: post.headers(),
      data: post.postDataBuffer() ?? undefined,
    });
    expect(replay.status()).toBe(200);
    expect(await replay.text()).toContain(code);
    const { login } = await gql<{ login: { accessToken: string } }>(
      server,
      `mutation { login(input: { email: "provider@demo.example", password: "${DEMO_PASSWORD}" }) { accessToken } }`,
    );
    const { referrals } = await gql<{
      referrals: { edges: { node: { id: string; patient: { fullName: string } } }[] };
    }>(
      server,
      `query($first: Int) { referrals(first: $first) { edges { node { id patient { fullName } } } } }`,
      { first: 100 },
      login.accessToken,
    );
    const twice = referrals.edges.filter((e) => e.node.patient.fullName === twiceName);
    expect(twice).toHaveLength(1);
    expect(code).toMatch(/^[A-Z0-9-]{14}$/);

    // Another therapist's view of it: the 404 page, exactly like an unknown id.
    const stranger = await browser.page({ javaScript: false });
    await signInAs(stranger, 'patient@demo.example');
    const response = await stranger.goto(`/referrals/${twice[0].node.id}`);
    expect(response!.status()).toBe(404);
    expect(await stranger.locator('h1').innerText()).toBe('Page not found');
    const unknown = await stranger.goto('/referrals/00000000-0000-4000-8000-000000000000');
    expect(unknown!.status()).toBe(404);
    await page.context().close();
    await stranger.context().close();
  }, 180_000);
});
