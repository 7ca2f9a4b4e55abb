/** Stops the run's PostgreSQL and Meilisearch (also reached when tests failed). */
export default async function globalTeardown(): Promise<void> {
  const child = globalThis.__MMN_SERVICES_PROCESS__;
  if (!child) return;
  if (child.exitCode === null) {
    await stop(child);
  }
  child.stdin?.destroy();
  child.stdout?.destroy();
}

async function stop(child: NonNullable<typeof globalThis.__MMN_SERVICES_PROCESS__>): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
