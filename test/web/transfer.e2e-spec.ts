import type { Page } from 'playwright-core';
import { emailOfTherapist } from './support/accounts';
import { axeViolations } from './support/axe';
import { DEMO_PASSWORD, signInAs } from './support/sign-in';
import { type BrowserSession, gql, openBrowser, startWebServer, type WebServer } from './support/web-harness';

// The story the product was born from: a patient in treatment in Cincinnati moves to Miami. Care continues there
// without starting over; the patient decides whether the Miami therapist sees the earlier care.
describe('signed-in web: care that moves with the patient', () => {
  let server: WebServer;
  let browser: BrowserSession;
  const patientEmail = `robin.mover.${Date.now()}@example.com`;
  const patientPassword = 'harbor lantern sequoia drift';
  let earlierId: string;
  let cincinnatiEmail: string;

  const token = async (email: string, password = DEMO_PASSWORD) =>
    (
      await gql<{ login: { accessToken: string } }>(
        server,
        `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
        { input: { email, password } },
      )
    ).login.accessToken;

  /** Care under way in Cincinnati, set up through the API: 8 visits authorized, 3 used, a progress note. */
  async function careInCincinnati(): Promise<void> {
    const { searchTherapists } = await gql<{ searchTherapists: { hits: { therapist: { id: string } }[] } }>(
      server,
      `{ searchTherapists(input: { near: "Cincinnati, OH", acceptingNewPatients: true, sort: DISTANCE }) { hits { therapist { id } } } }`,
    );
    const therapistId = searchTherapists.hits[0].therapist.id;
    cincinnatiEmail = await emailOfTherapist(server, therapistId);
    const doctor = await token('provider@demo.example');
    const sent = await gql<{ createReferral: { accessCode: string; referral: { id: string } } }>(
      server,
      `mutation($input: CreateReferralInput!) { createReferral(input: $input) { accessCode referral { id } } }`,
      {
        input: {
          idempotencyKey: `transfer-${Date.now()}`,
          therapistId,
          patient: { fullName: 'Robin Mover', dateOfBirth: '1975-06-30' },
          prescription: {
            diagnosisCodes: ['M54.50'],
            bodyRegions: ['lower back'],
            visitsPerWeek: 2,
            durationWeeks: 4,
            visitsAuthorized: 8,
            sessionMinutes: 50,
            goals: ['Sit through a workday without pain'],
            writtenOn: new Date().toISOString().slice(0, 10),
            expiresOn: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
          },
        },
      },
      doctor,
    );
    earlierId = sent.createReferral.referral.id;
    const patient = (
      await gql<{ register: { accessToken: string } }>(
        server,
        `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
        { input: { email: patientEmail, password: patientPassword, role: 'PATIENT', displayName: 'Robin Mover' } },
      )
    ).register.accessToken;
    await gql(
      server,
      `mutation($code: String!) { claimReferral(accessCode: $code, dateOfBirth: "1975-06-30") { id } }`,
      { code: sent.createReferral.accessCode },
      patient,
    );
    const therapist = await token(cincinnatiEmail);
    await gql(server, `mutation($id: ID!) { acceptReferral(referralId: $id) { id } }`, { id: earlierId }, therapist);
    for (let i = 1; i <= 3; i++)
      await gql(
        server,
        `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`,
        {
          input: {
            referralId: earlierId,
            occurredOn: new Date().toISOString().slice(0, 10),
            minutes: 50,
            techniqueIds: ['myofascial-release'],
            soapNote: `S: back pain ${7 - i}/10. P: continue.`,
          },
        },
        therapist,
      );
    await gql(
      server,
      `mutation($id: ID!, $note: String!) { addProgressNote(referralId: $id, note: $note) { id } }`,
      { id: earlierId, note: 'Sitting tolerance up to 3 hours.' },
      therapist,
    );
  }

  async function signInPatient(page: Page, next: string): Promise<void> {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email address').fill(patientEmail);
    await page.getByLabel('Password').fill(patientPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
  }

  /** axe runs as a script in the page: each page is checked again in a JavaScript-enabled tab of the same user. */
  async function noViolations(signIn: (page: Page) => Promise<void>): Promise<void> {
    const checker = await browser.page({ javaScript: true });
    await signIn(checker);
    await checker.waitForLoadState('networkidle');
    expect(await axeViolations(checker)).toEqual([]);
    await checker.context().close();
  }

  beforeAll(async () => {
    server = process.env.MMN_WEB_URL
      ? { url: process.env.MMN_WEB_URL, databaseUrl: process.env.MMN_WEB_DATABASE_URL!, stop: async () => undefined }
      : await startWebServer({ seed: true });
    browser = await openBrowser(server.url);
    await careInCincinnati();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('Cincinnati to Miami through the pages: transfer, summary, choice of therapist, consent given and withdrawn', async () => {
    // The patient continues care in Miami, without JavaScript.
    const patient = await browser.page({ javaScript: false });
    await signInPatient(patient, `/referrals/${earlierId}`);
    await patient.getByRole('button', { name: 'Continue care in another city' }).click();
    await patient.getByText('Enter the city or ZIP code where care continues.').waitFor();
    await patient.getByLabel('Where does care continue?').fill('Atlantis, ZZ');
    await patient.getByRole('button', { name: 'Continue care in another city' }).click();
    await patient.getByText('We could not find the place "Atlantis, ZZ".', { exact: false }).waitFor();
    await patient.getByLabel('Where does care continue?').fill('Miami, FL');
    await patient.getByRole('button', { name: 'Continue care in another city' }).click();
    await patient.waitForURL(/done=transferred/);
    const continuationPath = new URL(patient.url()).pathname;
    expect(continuationPath).not.toBe(`/referrals/${earlierId}`);
    const main = await patient.locator('main').innerText();
    expect(main).toContain('5 visits left of 5 authorized');
    expect(main).toContain('Care continued from another city');
    expect(main).toContain('Not written yet');
    expect(await patient.getByLabel('City or ZIP code').inputValue()).toBe('Miami, FL');
    await noViolations((page) => signInPatient(page, continuationPath));

    // The Cincinnati therapist writes the transfer summary and cannot open the continuation.
    const earlierTherapist = await browser.page({ javaScript: false });
    await signInAs(earlierTherapist, cincinnatiEmail, `/referrals/${earlierId}`);
    expect(await earlierTherapist.getByTestId('timeline').innerText()).toContain('Transfer summary: not written yet');
    await earlierTherapist.getByRole('button', { name: 'Send transfer summary' }).click();
    await earlierTherapist.getByText('Write the treatment so far').waitFor();
    await noViolations((page) => signInAs(page, cincinnatiEmail, `/referrals/${earlierId}`));
    await earlierTherapist
      .getByRole('textbox', { name: 'Transfer summary' })
      .fill('Three visits of myofascial release; pain down from 6 to 4. Recommend continuing twice a week.');
    await earlierTherapist.getByRole('button', { name: 'Send transfer summary' }).click();
    await earlierTherapist.waitForURL(/done=summary/);
    expect(await earlierTherapist.locator('main').innerText()).toContain('pain down from 6 to 4');
    expect(await earlierTherapist.locator('.allowance').innerText()).toContain(
      '5 visits moved to the continuing referral',
    );
    const refused = await earlierTherapist.goto(continuationPath);
    expect(refused!.status()).toBe(404);

    // The patient chooses the Miami demo therapist; the prescription is all that therapist sees for now.
    await patient.goto(continuationPath);
    expect(await patient.locator('main').innerText()).toContain('pain down from 6 to 4');
    await patient.getByRole('button', { name: 'Search therapists' }).click();
    await patient.getByRole('button', { name: /^Choose this therapist: Demo Therapist/ }).click();
    await patient.waitForURL(/done=chosen/);
    const miami = await browser.page({ javaScript: false });
    await signInAs(miami, 'therapist@demo.example', continuationPath);
    let seen = await miami.locator('main').innerText();
    expect(seen).toContain('The patient has not shared their earlier care');
    expect(seen).not.toContain('pain down from 6 to 4');
    expect(seen).toContain('Sit through a workday without pain');

    // Consent given (history, not the SOAP notes): the Miami therapist reads the summary and the earlier visits.
    await patient.locator('label[for=sharing-share-yes]').click();
    await patient.getByRole('button', { name: 'Save my choice' }).click();
    await patient.waitForURL(/done=shared/);
    await noViolations((page) => signInPatient(page, continuationPath));
    await miami.reload();
    seen = await miami.locator('main').innerText();
    expect(seen).toContain('pain down from 6 to 4');
    expect(await miami.getByTestId('earlier-visits').locator('li').count()).toBe(3);
    expect(seen).toContain('Sitting tolerance up to 3 hours.');
    expect(seen).not.toContain('back pain 6/10');
    await noViolations((page) => signInAs(page, 'therapist@demo.example', continuationPath));

    // Withdrawn: the prescription only again.
    await patient.locator('label[for=sharing-share-no]').click();
    await patient.getByRole('button', { name: 'Save my choice' }).click();
    await patient.waitForURL(/done=unshared/);
    await miami.reload();
    expect(await miami.locator('main').innerText()).not.toContain('pain down from 6 to 4');

    // The prescriber sees both referrals linked, each with its timeline.
    const prescriber = await browser.page({ javaScript: false });
    await signInAs(prescriber, 'provider@demo.example', `/referrals/${earlierId}`);
    expect(await prescriber.locator('main').innerText()).toContain('Transferred: care continues in another city');
    await prescriber.getByRole('link', { name: 'the referral to Demo Therapist' }).click();
    await prescriber.waitForURL((url) => url.pathname === continuationPath);
    expect(await prescriber.getByTestId('timeline').innerText()).toContain('Continues care from an earlier referral');
    expect(await prescriber.getByRole('link', { name: /the referral to / }).count()).toBe(1);
    for (const page of [patient, earlierTherapist, miami, prescriber]) await page.context().close();
  }, 300_000);
});
