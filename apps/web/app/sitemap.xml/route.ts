import {
  PracticeCitiesDocument,
  VerifiedTherapistListingDocument,
  type VerifiedTherapistListingQuery,
} from '@mmn/api-client';
import { callApi } from '../../lib/api';
import { hostContext } from '../../lib/host';
import { cityPath, profilePath } from '../../lib/paths';

// One sitemap file holds at most 50,000 URLs; beyond that a sitemap index is needed (not yet: the demo has 300).
const MAX_URLS = 50_000;

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Verified profiles and city pages, with the date each last changed. */
export async function GET(): Promise<Response> {
  const { publicUrl } = await hostContext();
  const urls: { loc: string; lastmod: string }[] = [];
  const { practiceCities } = await callApi(PracticeCitiesDocument, { first: 5000 });
  for (const city of practiceCities) urls.push({ loc: cityPath(city.city, city.state), lastmod: city.lastUpdated });
  let after: string | null = null;
  do {
    const data: VerifiedTherapistListingQuery = await callApi(VerifiedTherapistListingDocument, { first: 5000, after });
    const page = data.verifiedTherapistListing;
    for (const t of page.entries) urls.push({ loc: profilePath(t), lastmod: t.updatedAt });
    after = page.endCursor;
  } while (after && urls.length < MAX_URLS);
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    `<url><loc>${escapeXml(publicUrl)}/</loc></url>`,
    ...urls
      .slice(0, MAX_URLS - 1)
      .map((u) => `<url><loc>${escapeXml(publicUrl + u.loc)}</loc><lastmod>${u.lastmod.slice(0, 10)}</lastmod></url>`),
    '</urlset>',
  ].join('\n');
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
}
