import {
  type DynamicModule,
  Inject,
  Logger,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnApplicationShutdown,
  type OnModuleInit,
  RequestMethod,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { RequestHandler } from 'next/dist/server/next';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { ensureWebBuild, WEB_DIR } from './web-build';
import { webHostStorage } from './web-context';
import { isApiPath, newNonce, pageSecurityHeaders } from './security-headers';

export interface WebOptions {
  /** `next dev` (hot reload) instead of the production build. */
  dev?: boolean;
  /** Print progress lines (the start banner); tests pass nothing. */
  log?: (line: string) => void;
}

const WEB_OPTIONS = Symbol('WEB_OPTIONS');

interface NextApp {
  prepare(): Promise<void>;
  getRequestHandler(): RequestHandler;
  close(): Promise<void>;
}

/**
 * Serves the website (apps/web, Next.js) from this same server and port: every path except the API's (/graphql,
 * /health, /fhir, /hsds) goes to Next. Registered as Nest middleware, so it runs before Nest's own 404 handler.
 */
@Module({})
export class WebModule implements NestModule, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Web');
  private nextApp?: NextApp;
  private handle?: RequestHandler;

  constructor(
    @Inject(WEB_OPTIONS) private readonly options: WebOptions,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  static forRoot(options: WebOptions = {}): DynamicModule {
    return { module: WebModule, providers: [{ provide: WEB_OPTIONS, useValue: options }] };
  }

  async onModuleInit(): Promise<void> {
    const log = this.options.log ?? (() => undefined);
    if (!this.options.dev) {
      const { built, seconds } = ensureWebBuild(log);
      if (built) log(`Built the website in ${seconds.toFixed(1)} s.`);
    }
    // Loaded here, not at import: processes that never serve pages (worker, CLI, API tests) skip Next entirely.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const createNext = require('next') as (options: Record<string, unknown>) => NextApp;
    this.nextApp = createNext({
      dev: this.options.dev ?? false,
      dir: WEB_DIR,
      quiet: !this.options.dev,
      customServer: true,
    });
    await this.nextApp.prepare();
    this.handle = this.nextApp.getRequestHandler();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.nextApp?.close().catch(() => undefined);
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(this.middleware()).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }

  private middleware() {
    const dev = this.options.dev ?? false;
    const publicUrl = this.config.publicUrl;
    const mapTileUrl = this.config.mapTileUrl ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
    const tileOrigin = new URL(mapTileUrl.replace(/\{[zxy]\}/g, '0')).origin;
    return (req: Request, res: Response, next: NextFunction) => {
      if (isApiPath(req.path) || !this.handle) return next();
      const nonce = newNonce();
      const headers = pageSecurityHeaders(nonce, { dev, tileOrigin });
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      // Next reads the nonce from the request's CSP header and puts it on every script it emits.
      req.headers['content-security-policy'] = headers['Content-Security-Policy'];
      let status: number | undefined;
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
      res.writeHead = ((code: number, ...rest: unknown[]) =>
        writeHead(status ?? code, ...rest)) as Response['writeHead'];
      const port = req.socket.localPort;
      const context = {
        apiUrl: `http://127.0.0.1:${port}/graphql`,
        publicUrl,
        mapTileUrl,
        clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        nonce,
        setStatus: (code: number) => {
          status = code;
        },
      };
      webHostStorage().run(context, () => {
        this.handle!(req, res).catch((error: unknown) => {
          this.logger.error({ msg: 'page rendering failed', error });
          if (!res.headersSent) res.status(500).end('Internal error');
        });
      });
    };
  }
}
