import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** The repository root (libs/server/src/web is four levels below it). */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const WEB_DIR = path.join(REPO_ROOT, 'apps/web');
const BUILD_DIR = path.join(WEB_DIR, '.next');
const STAMP = path.join(BUILD_DIR, 'mmn-source-hash');
// What the build depends on besides node_modules: the app, the typed operations it imports, and the lock file.
const SOURCES = ['apps/web', 'libs/api-client/src', 'libs/ui/src', 'package-lock.json'];
const SKIP = new Set(['.next', 'node_modules', 'next-env.d.ts']);

function collect(file: string, into: string[]): void {
  if (!fs.existsSync(file)) return;
  if (fs.statSync(file).isFile()) {
    into.push(file);
    return;
  }
  for (const entry of fs.readdirSync(file).sort()) {
    if (!SKIP.has(entry)) collect(path.join(file, entry), into);
  }
}

/** A hash of every file the web build reads from the repository, so a start can tell whether the build is stale. */
export function webSourceHash(): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const source of SOURCES) collect(path.join(REPO_ROOT, source), files);
  for (const file of files) {
    hash.update(path.relative(REPO_ROOT, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function webBuildIsCurrent(hash = webSourceHash()): boolean {
  return fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === hash;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `next build` unless the last build was made from the same sources. Several processes may call this at
 * once (test files): a lock directory lets one build while the others wait. Returns whether it built.
 */
export function ensureWebBuild(log: (line: string) => void = () => undefined): { built: boolean; seconds: number } {
  const started = Date.now();
  const hash = webSourceHash();
  if (webBuildIsCurrent(hash)) return { built: false, seconds: 0 };
  const lock = path.join(WEB_DIR, '.next-build-lock');
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another process is building; a lock older than 10 minutes is left over from a crash.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 600_000) fs.rmSync(lock, { recursive: true, force: true });
      sleep(500);
      if (webBuildIsCurrent(hash)) return { built: false, seconds: (Date.now() - started) / 1000 };
    }
  }
  try {
    if (webBuildIsCurrent(hash)) return { built: false, seconds: (Date.now() - started) / 1000 };
    log('Building the website (first start, or its sources changed): next build ...');
    const result = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build', WEB_DIR], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) {
      throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`.trim().slice(-4000));
    }
    fs.writeFileSync(STAMP, `${hash}\n`);
    return { built: true, seconds: (Date.now() - started) / 1000 };
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
