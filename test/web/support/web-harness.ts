import { type ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';

const REPO = path.resolve(__dirname, '../../..');

export interface WebServer {
  url: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the application with the website in a child process (the first one in a run builds the site if its
 * sources changed; the others wait for that build).
 */
export async function startWebServer(
  options: { seed?: boolean; databaseUrl?: string; searchDown?: boolean; nppesApiUrl?: string } = {},
): Promise<WebServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(__dirname, 'web-server.ts'), JSON.stringify(options)],
    {
      cwd: REPO,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, SWC_NODE_PROJECT: path.join(REPO, 'tsconfig.json'), NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
  const line = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`web server did not start in 240 s\n${stderr}`)), 240_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      // Next prints its own lines; the server's answer is the one marked line.
      const line = /^MMN_WEB_SERVER (.+)$/m.exec(buffer);
      if (line) {
        clearTimeout(timer);
        resolve(line[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web server exited with code ${code}\n${stderr}`));
    });
  });
  const { url, databaseUrl } = JSON.parse(line) as { url: string; databaseUrl: string };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.once('exit', () => child.kill('SIGKILL'));
  return {
    url,
    databaseUrl,
    async stop() {
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A GraphQL call to the test server (for setup and checks; the pages themselves never do this in the browser). */
export async function gql<T>(
  server: WebServer,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

export interface BrowserSession {
  browser: Browser;
  /** A page with JavaScript on or off; failed requests to other origins are counted (there must be none). */
  page(options?: { javaScript?: boolean; width?: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function openBrowser(baseURL: string): Promise<BrowserSession> {
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async page({ javaScript = true, width = 1280 } = {}) {
      const context = await browser.newContext({
        baseURL,
        javaScriptEnabled: javaScript,
        viewport: { width, height: 900 },
      });
      contexts.push(context);
      // Tests run offline: anything not on this origin is refused, and noticed.
      await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
      return context.newPage();
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}
