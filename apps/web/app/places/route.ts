import { PlaceSuggestionsDocument } from '@mmn/api-client';
import { ApiError, callApi } from '../../lib/api';

/**
 * GET /places?text=Miam: place suggestions for the "Where?" type-ahead, fetched by the browser from this server
 * (the browser never calls /graphql). Labels only; nothing is stored or logged beyond the path.
 */
export async function GET(request: Request): Promise<Response> {
  const text = (new URL(request.url).searchParams.get('text') ?? '').trim().slice(0, 100);
  const headers = { 'cache-control': 'private, max-age=300', 'x-robots-tag': 'noindex' };
  if (text.length < 2) return Response.json({ places: [] }, { headers });
  try {
    const data = await callApi(PlaceSuggestionsDocument, { text, first: 6 });
    return Response.json({ places: data.placeSuggestions.map((place) => place.label) }, { headers });
  } catch (error) {
    const status = error instanceof ApiError && error.code === 'RATE_LIMITED' ? 429 : 503;
    return Response.json({ places: [], error: 'Suggestions are unavailable right now.' }, { status, headers });
  }
}
