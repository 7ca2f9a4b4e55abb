import { execFileSync } from 'child_process';
import { type Browser, chromium } from 'playwright-core';

const DEBIAN_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-component-update', '--no-first-run'];

/**
 * Chromium from npm (@sparticuz/chromium ships the binary in its package; nothing is downloaded), or Debian's
 * through CHROMIUM_PATH. The package is ESM-only, so its path and flags are read in a short child process.
 */
export async function launchBrowser(): Promise<Browser> {
  let executablePath = process.env.CHROMIUM_PATH;
  let args = DEBIAN_FLAGS;
  if (!executablePath) {
    const script = `const { default: c } = await import('@sparticuz/chromium');
      console.log(JSON.stringify({ path: await c.executablePath(), args: c.args }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const found = JSON.parse(out.trim().split('\n').pop()!) as { path: string; args: string[] };
    executablePath = found.path;
    // Several pages per browser: --single-process makes multi-page runs flaky.
    args = found.args.filter((arg) => arg !== '--single-process');
  }
  return chromium.launch({ executablePath, args: [...args, '--disable-background-networking'], headless: true });
}
