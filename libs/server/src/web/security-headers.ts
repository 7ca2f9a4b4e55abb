import { randomBytes } from 'crypto';

/** Paths the API keeps; every other path is a page of the website. */
const API_PATHS = ['/graphql', '/health', '/fhir', '/hsds'];

export function isApiPath(pathname: string): boolean {
  return API_PATHS.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The headers of every page: a nonce-based CSP (no inline scripts without the nonce, no third-party origins, no
 * framing), no MIME sniffing, and referrers stripped to the origin across sites.
 */
export function pageSecurityHeaders(
  nonce: string,
  options: { dev: boolean; tileOrigin?: string },
): Record<string, string> {
  const script = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`, ...(options.dev ? [`'unsafe-eval'`] : [])];
  const images = [`'self'`, 'data:', ...(options.tileOrigin ? [options.tileOrigin] : [])];
  const csp = [
    `default-src 'self'`,
    `script-src ${script.join(' ')}`,
    `style-src 'self'${options.dev ? ` 'unsafe-inline'` : ''}`,
    `img-src ${images.join(' ')}`,
    `font-src 'self'`,
    `connect-src 'self'${options.dev ? ' ws: wss:' : ''}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
