import type { AsyncLocalStorage } from 'async_hooks';
import { connection } from 'next/server';

/**
 * What the hosting server (libs/server/src/web) tells a page about its request: where the API is, the canonical
 * origin, the client's address and the CSP nonce, and a way to set the status code (Next's pages cannot). Shared
 * through a global symbol so that neither side imports the other.
 */
export interface HostContext {
  apiUrl: string;
  publicUrl: string;
  clientIp: string;
  nonce: string;
  /** The results map's tile template (MAP_TILE_URL, {z}/{x}/{y}). */
  mapTileUrl: string;
  setStatus(status: number): void;
}

const KEY = Symbol.for('mmn.web.host-context');

/** Marks the page as rendered per request (never prerendered at build time). */
export async function hostContext(): Promise<HostContext> {
  await connection();
  const storage = (globalThis as unknown as Record<symbol, AsyncLocalStorage<HostContext> | undefined>)[KEY];
  const context = storage?.getStore();
  if (!context) throw new Error('The website must be served by the API server (npm start or npm run dev).');
  return context;
}
