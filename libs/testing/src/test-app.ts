import { randomBytes } from 'crypto';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { Client } from 'pg';
import { type AppOptions, createApp } from '@mmn/server';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@mmn/api-client';
import type { ResolvedConfig } from '@mmn/config';
import { SERVICES_ENV, TEMPLATE_DATABASE, type TestServices } from './test-services.contract';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; fields?: string[]; [key: string]: unknown };
  }[];
}

export interface GqlOptions {
  token?: string;
  headers?: Record<string, string>;
}

/** A query as text (results typed by hand) or as a generated typed document (results and variables inferred). */
export interface GqlCall {
  <R, V extends Record<string, unknown>>(
    document: TypedDocumentNode<R, V>,
    variables?: V,
    options?: GqlOptions,
  ): Promise<GqlResponse<R>>;
  <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<GqlResponse<T>>;
}

export interface TestApp {
  app: INestApplication;
  url: string;
  config: ResolvedConfig;
  /** A connection string to this test file's own database. */
  databaseUrl: string;
  gql: GqlCall;
  /** The same calls made as a signed-in account: `t.as(patient).gql(MeDocument)`. */
  as(account: { token: string } | { accessToken: string }): { gql: GqlCall };
  post(path: string, body: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

export function testServices(): TestServices {
  const raw = process.env[SERVICES_ENV];
  if (!raw) throw new Error(`${SERVICES_ENV} is not set: run end-to-end tests through Jest's e2e project (npm test).`);
  return JSON.parse(raw) as TestServices;
}

/** Guards against pointing the suite at a real database: only loopback hosts and test_ databases. */
export function assertTestDatabase(url: string): void {
  const parsed = new URL(url);
  const database = parsed.pathname.slice(1);
  if (!['127.0.0.1', 'localhost'].includes(parsed.hostname) || !database.startsWith('test_')) {
    throw new Error(`Refusing to run tests against ${parsed.hostname}/${database}: not a local test database.`);
  }
}

/** Creates a fresh database for one test file by copying the migrated template. */
export async function createTestDatabase(): Promise<string> {
  const services = testServices();
  const name = `test_${randomBytes(6).toString('hex')}`;
  const adminUrl = services.postgresUrl.replace(new RegExp(`/${TEMPLATE_DATABASE}$`), '/postgres');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = services.postgresUrl.replace(new RegExp(`/${TEMPLATE_DATABASE}$`), `/${name}`);
  assertTestDatabase(url);
  return url;
}

/** Boots the real Nest application on a free port against this file's own database and index names. */
export async function createTestApp(
  overrides: Partial<ResolvedConfig> = {},
  extraModules: (Type | DynamicModule)[] = [],
  appOptions: AppOptions = {},
): Promise<TestApp> {
  const services = testServices();
  const databaseUrl = overrides.databaseUrl ?? (await createTestDatabase());
  assertTestDatabase(databaseUrl);
  const config: ResolvedConfig = {
    port: 0,
    nodeEnv: 'test',
    dataDir: `/tmp/mmn-test-data-${randomBytes(4).toString('hex')}`,
    databaseUrl,
    meiliUrl: services.meiliUrl,
    meiliMasterKey: services.meiliMasterKey,
    jwtSecret: randomBytes(32).toString('hex'),
    accessCodeKeys: { current: 1, keys: { 1: randomBytes(32).toString('hex') } },
    phiKeys: { current: 1, keys: { 1: randomBytes(32).toString('hex') } },
    retention: { referralYears: 7, auditYears: 10 },
    seedDemo: false,
    logLevel: 'silent',
    searchIndexPrefix: `t${randomBytes(4).toString('hex')}_`,
    runSearchWorker: true,
    publicUrl: 'http://localhost:3000',
    mailFrom: 'Medical Massage Network (tests) <no-reply@example.test>',
    // Every test file talks from loopback: budgets per client address are raised so tests do not share them.
    // test/security passes the production defaults (loadConfig({}).limits) to test the budgets themselves.
    limits: {
      registrationsPerAddressPerHour: 100_000,
      registrationsPerMinute: 100_000,
      anonymousRequestsPerMinute: 100_000,
      anonymousCostPerMinute: 1_000_000,
    },
    graphqlIntrospection: true,
    ...overrides,
  };
  const app = await createApp(config, extraModules, appOptions);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: res.status, text: await res.text() };
  };
  const request = async (
    query: string | TypedDocumentNode,
    variables?: Record<string, unknown>,
    options: GqlOptions = {},
  ) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const text = typeof query === 'string' ? query : print(query);
    const res = await post('/graphql', JSON.stringify({ query: text, variables }), headers);
    const body = JSON.parse(res.text) as Omit<GqlResponse, 'status'>;
    return { status: res.status, ...body };
  };
  const gql = request as GqlCall;
  return {
    app,
    url,
    config,
    databaseUrl,
    post,
    gql,
    as: (account) => {
      const token = 'token' in account ? account.token : account.accessToken;
      const bound = (query: string | TypedDocumentNode, variables?: Record<string, unknown>, options?: GqlOptions) =>
        request(query, variables, { ...options, token });
      return { gql: bound };
    },
    close: () => app.close(),
  };
}
