import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import type { ResolvedConfig } from '@mmn/config';
import { InputValidationPipe, QUERY_LIMITS } from '@mmn/graphql-platform';
import { apiHttpHardening } from './api-http';
import { AppModule, type AppOptions } from './app.module';

/** Builds the Nest application the same way for `npm start`, the worker and the tests. */
export async function createApp(
  config: ResolvedConfig,
  extraModules: (Type | DynamicModule)[] = [],
  options: AppOptions = {},
): Promise<NestExpressApplication> {
  @Module({ imports: [AppModule.forRoot(config, options), ...extraModules] })
  class RootModule {}
  const app = await NestFactory.create<NestExpressApplication>(RootModule, {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // An ETag is a hash of the body: logged or cached, it lets PHI in a response be confirmed offline.
  app.disable('etag');
  app.use(apiHttpHardening(config));
  app.useBodyParser('json', { limit: QUERY_LIMITS.maxBodyBytes });
  // Body-parser failures (413 too large, 400 malformed JSON) answer in JSON with a contract code.
  app.use((error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    const status = error.status ?? 500;
    const code = status === 413 ? 'BAD_USER_INPUT' : status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL';
    const message =
      status === 413
        ? `Request body is larger than ${QUERY_LIMITS.maxBodyBytes / 1024} kB.`
        : 'Malformed request body.';
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  });
  app.useGlobalPipes(new InputValidationPipe());
  return app;
}
