import 'reflect-metadata';
import { cliApp } from './cli/cli-app';

/** `npm run worker`: only the search outbox worker (run as many as you like; rows are shared out). */
async function main(): Promise<void> {
  const { stop } = await cliApp({ runSearchWorker: true });
  console.log('Search outbox worker running. Ctrl-C to stop.');
  const shutdown = () => void stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
