import { randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { ResolvedConfig } from '@mmn/config';

/**
 * The request log (pino-http), for every path, pages included: method, path without the query string, status,
 * duration and request id, nothing else. No headers: a response's ETag and length let a date of birth be
 * recovered offline from one line, and query strings of pages and GET requests hold health searches.
 */
export function requestLogParams(config: ResolvedConfig, destination?: DestinationStream): Params {
  const options = {
    level: config.logLevel,
    genReqId: (req: IncomingMessage) => {
      const header = req.headers['x-request-id'];
      return typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      // A failed request is marked by its status; an error's message may quote what the client sent.
      err: (err: { name?: string }) => ({ type: err?.name ?? 'Error' }),
    },
    wrapSerializers: false,
    customSuccessMessage: (_req: IncomingMessage, res: ServerResponse) => `request completed (${res.statusCode})`,
    customErrorMessage: (_req: IncomingMessage, res: ServerResponse) => `request failed (${res.statusCode})`,
  };
  return { pinoHttp: destination ? [options, destination] : options };
}
