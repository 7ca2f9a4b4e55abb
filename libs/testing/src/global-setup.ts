import { spawn } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { SERVICES_ENV } from './test-services.contract';

declare global {
  var __MMN_SERVICES_PROCESS__: ReturnType<typeof spawn> | undefined;
}

/** Starts ONE PostgreSQL and ONE Meilisearch for the whole run, in a child process (no app code imported here). */
export default async function globalSetup(): Promise<void> {
  const root = path.join(os.tmpdir(), `mmn-test-${process.pid}-${Date.now()}`);
  const repo = path.resolve(__dirname, '../../..');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'test-services.ts'), root], {
    cwd: repo,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, SWC_NODE_PROJECT: path.join(repo, 'tsconfig.json') },
  });
  globalThis.__MMN_SERVICES_PROCESS__ = child;
  const line = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('test services did not start within 120 s')), 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const newline = buffer.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve(buffer.slice(0, newline));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`test services exited with code ${code}`));
    });
  });
  process.env[SERVICES_ENV] = line;
}
