import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

import type { ResolvedConfig } from '@mmn/config';
import { isApiPath } from './web/security-headers';

type ContentSecurityPolicyDirectives = NonNullable<
  NonNullable<Parameters<typeof helmet.contentSecurityPolicy>[0]>['directives']
>;

/**
 * What every API response (/graphql, /health, /fhir, /hsds) carries, and only those: the website's pages set
 * their own headers (a CSP with nonces, libs/server/src/web). helmet gives nosniff, no framing, no referrer, HSTS
 * in production and a CSP that lets an API response load nothing; `Cache-Control: no-store` keeps PHI out of
 * every cache. GraphQL is POST only: a GET would put the document and its variables in URLs, and so in logs and
 * browser history (outside production a plain GET from a browser still opens the sandbox page).
 */
export function apiHttpHardening(config: ResolvedConfig): RequestHandler {
  const production = config.nodeEnv === 'production';
  const headersWith = (directives: ContentSecurityPolicyDirectives) =>
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives },
      strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
    });
  const headers = headersWith({ defaultSrc: ["'none'"], frameAncestors: ["'none'"] });
  // The sandbox page (outside production only) loads Apollo's embedded explorer: only framing is refused there.
  const sandboxHeaders = headersWith({
    defaultSrc: helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc,
    frameAncestors: ["'none'"],
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isApiPath(req.path)) return next();
    res.setHeader('Cache-Control', 'no-store');
    const sandbox = !production && req.path === '/graphql' && isSandboxPage(req);
    (sandbox ? sandboxHeaders : headers)(req, res, () => {
      if (req.path === '/graphql' && req.method !== 'POST' && !sandbox) {
        res.setHeader('Allow', 'POST');
        res.status(405).json({
          errors: [
            {
              message: 'Send GraphQL requests as POST with a JSON body; GET is not accepted.',
              extensions: { code: 'BAD_USER_INPUT' },
            },
          ],
        });
        return;
      }
      next();
    });
  };
}

function isSandboxPage(req: Request): boolean {
  return req.method === 'GET' && !req.originalUrl.includes('?') && (req.headers.accept ?? '').includes('text/html');
}
