/**
 * The soak's scratch services and the faults done to them: PostgreSQL, Meilisearch, an SMTP sink and two API
 * processes, each on a fixed loopback port so that a restarted service comes back at the same address.
 */
import { type ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SMTPServer } from 'smtp-server';
import { freePort, type RunningService, startEmbeddedMeilisearch, startEmbeddedPostgres } from '@mmn/runtime';

export const ADMIN_EMAIL = 'soak-admin@soak.example';
export const ADMIN_PASSWORD = 'soak-admin-password-not-secret';
export const PUBLIC_URL = 'http://soak.invalid';
const REPO = path.join(__dirname, '../..');

export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

/** An SMTP server on loopback that keeps every message; `refuse()` stops listening, `accept()` listens again. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;

  constructor(readonly port: number) {}

  async accept(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = chunks.join('').replace(/=\r?\n/g, '');
          const [head, ...body] = raw.split(/\r?\n\r?\n/);
          const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
          const subject = /^Subject: (.*)$/im.exec(unfolded)?.[1]?.trim() ?? '';
          const messageId = /^Message-ID: (.*)$/im.exec(unfolded)?.[1]?.trim() ?? '';
          for (const rcpt of session.envelope.rcptTo)
            this.received.push({ messageId, to: rcpt.address.toLowerCase(), subject, text: body.join('\n\n') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async refuse(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export interface ApiProcess {
  url: string;
  child?: ChildProcess;
  /** False from a kill until the restarted process answers: the load balancer sends it nothing meanwhile. */
  up: boolean;
}

export interface SoakServices {
  workDir: string;
  pgUrl: string;
  meiliUrl: string;
  masterKey: string;
  indexName: string;
  smtp: SmtpSink;
  apis: ApiProcess[];
  logFile: string;
  killMeili(): void;
  startMeili(): Promise<void>;
  restartPostgres(): Promise<void>;
  killApi(index: number): void;
  startApi(index: number): Promise<void>;
  cleanup(keep: boolean): Promise<void>;
}

async function waitUntilListening(url: string, child: ChildProcess, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (${child.exitCode})`);
    // Any answer will do: /health says 503 while Meilisearch is down, and the API still takes writes.
    const answered = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) }).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`did not answer within ${seconds} s`);
}

export async function startServices(options: { apis: number }): Promise<SoakServices> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmn-soak-'));
  // When run as root, embedded PostgreSQL runs as an unprivileged user that must be able to enter the directory.
  fs.chmodSync(workDir, 0o755);
  const logFile = path.join(workDir, 'services.log');
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  const stops: (() => Promise<unknown>)[] = [];
  const pgPassword = randomBytes(12).toString('hex');
  const pgPort = await freePort();
  const pgOptions = {
    dataDir: path.join(workDir, 'postgres'),
    password: pgPassword,
    database: 'soak',
    port: pgPort,
    onLog: (l: string) => log.write(`[postgres] ${l}\n`),
  };
  let pg: RunningService = await startEmbeddedPostgres(pgOptions);
  stops.push(() => pg.stop());
  const masterKey = randomBytes(16).toString('hex');
  const meiliPort = await freePort();
  const meiliOptions = {
    dataDir: path.join(workDir, 'meili'),
    masterKey,
    port: meiliPort,
    onLog: (l: string) => log.write(`[meilisearch] ${l}\n`),
  };
  let meili: Awaited<ReturnType<typeof startEmbeddedMeilisearch>> | undefined =
    await startEmbeddedMeilisearch(meiliOptions);
  stops.push(async () => meili?.stop());
  const smtp = new SmtpSink(await freePort());
  await smtp.accept();
  stops.push(() => smtp.refuse());

  const env: Record<string, string> = {
    NODE_ENV: 'production',
    DATABASE_URL: pg.url,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: masterKey,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ACCESS_CODE_KEY: `1:${randomBytes(32).toString('hex')}`,
    PHI_KEY: `1:${randomBytes(32).toString('hex')}`,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    PUBLIC_URL,
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    SEARCH_INDEX_PREFIX: 'soak_',
    SEARCH_WORKER: 'true',
    DATA_DIR: workDir,
    // All the soak's clients share one address: the per-address budgets would only measure themselves.
    ANONYMOUS_REQUESTS_PER_MINUTE: '1000000000',
    ANONYMOUS_COST_PER_MINUTE: '1000000000',
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '1000000000',
    REGISTRATIONS_PER_MINUTE: '1000000000',
  };
  const apis: ApiProcess[] = [];
  for (let i = 0; i < options.apis; i++) apis.push({ url: `http://127.0.0.1:${await freePort()}`, up: false });

  const spawnApi = async (index: number) => {
    const api = apis[index];
    for (let attempt = 1; ; attempt++) {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'soak-api.ts')], {
        cwd: REPO,
        env: { ...process.env, ...env, PORT: new URL(api.url).port },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (d: Buffer) => log.write(`[api${index + 1}] ${d.toString()}`));
      child.stderr?.on('data', (d: Buffer) => log.write(`[api${index + 1}] ${d.toString()}`));
      api.child = child;
      try {
        await waitUntilListening(api.url, child, 180);
        api.up = true;
        return;
      } catch (error) {
        child.kill('SIGKILL');
        // A start can meet the database restart: try again, a few times.
        if (attempt >= 5)
          throw new Error(`API process ${index + 1} ${(error as Error).message}; see ${logFile}`, {
            cause: error,
          });
      }
    }
  };
  stops.push(async () => {
    for (const api of apis) {
      const child = api.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGTERM');
      await new Promise((r) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => r(clearTimeout(timer)));
      });
    }
  });
  const killOnExit = () => apis.forEach((a) => a.child?.kill('SIGKILL'));
  process.on('exit', killOnExit);

  const cleanup = async (keep: boolean) => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.off('exit', killOnExit);
    log.end();
    if (!keep) fs.rmSync(workDir, { recursive: true, force: true });
  };
  return {
    workDir,
    pgUrl: pg.url,
    meiliUrl: meili.url,
    masterKey,
    indexName: 'soak_therapists',
    smtp,
    apis,
    logFile,
    killMeili: () => {
      meili?.process.kill('SIGKILL');
      meili = undefined;
    },
    startMeili: async () => {
      meili = await startEmbeddedMeilisearch(meiliOptions);
    },
    restartPostgres: async () => {
      await pg.stop();
      pg = await startEmbeddedPostgres(pgOptions);
    },
    killApi: (index) => {
      apis[index].up = false;
      apis[index].child?.kill('SIGKILL');
    },
    startApi: spawnApi,
    cleanup,
  };
}
