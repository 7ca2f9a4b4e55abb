import 'reflect-metadata';
import { ReindexService } from '@mmn/search';
import { cliApp } from './cli-app';

/** `npm run reindex`: rebuilds the search index into a new index and swaps it in (no downtime). */
async function main(): Promise<void> {
  const { app, stop } = await cliApp();
  try {
    const report = await app.get(ReindexService).rebuild();
    console.log(
      `Reindexed ${report.therapists} therapists (${report.documents} documents) in ${report.seconds.toFixed(1)} s; ${report.replayed} changes queued for replay.`,
    );
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
