import 'reflect-metadata';
import { hashPassword } from '@mmn/identity';
import { createDataSource, runMigrations } from '@mmn/server';
import { DEMO_PASSWORD, generateProviders, generateTherapists, readVocabulary, seedDirectory } from '@mmn/demo';
import { databaseForCli } from './database-url';

/**
 * `npm run seed -- --therapists 100000 [--providers 500] [--seed 42]`: adds a generated directory (deterministic
 * for a seed value) to the database, e.g. for benchmarks. Accounts use the demo password.
 */
function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a whole number`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const therapists = option('therapists', 1000);
  const providers = option('providers', Math.max(10, Math.round(therapists / 50)));
  const seed = option('seed', 42);
  const db = await databaseForCli();
  try {
    await runMigrations(db.url);
    const dataSource = createDataSource(db.url);
    await dataSource.initialize();
    try {
      const started = Date.now();
      const vocabulary = await readVocabulary(dataSource);
      const prefix = `s${seed}-${Date.now().toString(36)}`;
      const generated = generateTherapists(therapists, seed, vocabulary).map((t, i) => ({
        ...t,
        email: `${prefix}-therapist${i + 1}@seed.example`,
      }));
      const generatedProviders = generateProviders(providers, seed).map((p, i) => ({
        ...p,
        email: `${prefix}-provider${i + 1}@seed.example`,
        npi: null,
      }));
      // NPIs are unique: generated sets added next to the demo data leave them empty.
      await seedDirectory(dataSource, {
        therapists: generated,
        providers: generatedProviders,
        passwordHash: await hashPassword(DEMO_PASSWORD),
      });
      console.log(
        `Seeded ${therapists} therapists and ${providers} providers (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
