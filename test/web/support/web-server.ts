// Child process of the web tests: the real application with the website mounted, on the harness's services.
// Next.js runs here rather than inside Jest's module sandbox. Prints one JSON line, then serves until stdin closes.
import 'reflect-metadata';
import { seedDemo } from '@mmn/demo';
import { SearchOutboxWorker } from '@mmn/search';
import { WebModule } from '@mmn/server';
import { createTestApp } from '@mmn/testing';

interface Options {
  databaseUrl?: string;
  seed?: boolean;
  /** Point the app at a Meilisearch that does not answer. */
  searchDown?: boolean;
  /** The NPPES registry to compare NPIs against (a local server in the tests). */
  nppesApiUrl?: string;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as Options;
  const t = await createTestApp(
    {
      // The site as deployed: production settings (no sandbox page, production headers on the API paths).
      nodeEnv: 'production',
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
      ...(options.nppesApiUrl ? { nppesApiUrl: options.nppesApiUrl } : {}),
      ...(options.searchDown ? { meiliUrl: 'http://127.0.0.1:9', runSearchWorker: false } : {}),
    },
    [WebModule.forRoot()],
  );
  if (options.seed) {
    await seedDemo(t.app);
  }
  if (options.seed && !options.searchDown) {
    const worker = t.app.get(SearchOutboxWorker);
    for (let i = 0; i < 600 && (await worker.backlog()).backlog > 0; i++) {
      await worker.drain();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  process.stdout.write(`\nMMN_WEB_SERVER ${JSON.stringify({ url: t.url, databaseUrl: t.databaseUrl })}\n`);
  const stop = () => {
    void t.close().finally(() => process.exit(0));
  };
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`web test server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
