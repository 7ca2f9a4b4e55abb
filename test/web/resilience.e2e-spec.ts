import { axeViolations } from './support/axe';
import { type BrowserSession, gql, openBrowser, startWebServer, type WebServer } from './support/web-harness';

// The search engine down: /search answers a clear page with status 503, profiles and city pages keep working.
describe('website with the search engine down', () => {
  let server: WebServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await startWebServer({ seed: true, searchDown: true });
    browser = await openBrowser(server.url);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('answers /search with 503 and a clear message, accessible, with JavaScript off', async () => {
    const page = await browser.page({ javaScript: false });
    const response = await page.goto('/search?q=lymphedema&near=Miami%2C+FL');
    expect(response!.status()).toBe(503);
    expect(await page.getByTestId('search-unavailable').innerText()).toContain('Search is not available right now');
    // axe runs as a script in the page, so the check needs JavaScript.
    const withScripts = await browser.page({ javaScript: true });
    await withScripts.goto('/search?q=lymphedema&near=Miami%2C+FL');
    expect(await axeViolations(withScripts)).toEqual([]);
  });

  it('keeps profiles and city pages working', async () => {
    const listing = await gql<{ verifiedTherapistListing: { entries: { id: string; displayName: string }[] } }>(
      server,
      `query($first: Int) { verifiedTherapistListing(first: $first) { entries { id displayName } } }`,
      { first: 1 },
    );
    const [therapist] = listing.verifiedTherapistListing.entries;
    const page = await browser.page({ javaScript: false });
    const profile = await page.goto(`/therapists/x-${therapist.id}`);
    expect(profile!.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toContain(therapist.displayName);
    const city = await page.goto('/medical-massage/fl/miami');
    expect(city!.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('Medical massage therapists in Miami, FL');
    expect(await page.getByRole('heading', { name: 'Nearby cities' }).count()).toBeLessThanOrEqual(1);
  });
});
