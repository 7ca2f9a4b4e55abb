import { AsyncLocalStorage } from 'async_hooks';

/**
 * What the host (this server) tells the web app about the request it is rendering. The web app reads it through
 * the same global symbol (apps/web/lib/host.ts); neither side imports the other.
 */
export interface WebHostContext {
  /** The API's GraphQL endpoint on this same server, reached over loopback. */
  apiUrl: string;
  /** Canonical origin of the site (PUBLIC_URL), for canonical links, Open Graph and the sitemap. */
  publicUrl: string;
  /** The client's address as the API sees it (trusted proxies only), forwarded for per-client throttles. */
  clientIp: string;
  /** The results map's tile template (MAP_TILE_URL). */
  mapTileUrl: string;
  /** The CSP nonce of this response. */
  nonce: string;
  /** Overrides the status code Next would send (e.g. 503 when search is down). */
  setStatus(status: number): void;
}

const KEY = Symbol.for('mmn.web.host-context');
const globals = globalThis as unknown as Record<symbol, AsyncLocalStorage<WebHostContext> | undefined>;

export function webHostStorage(): AsyncLocalStorage<WebHostContext> {
  globals[KEY] ??= new AsyncLocalStorage<WebHostContext>();
  return globals[KEY];
}
