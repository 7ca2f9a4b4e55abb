import 'reflect-metadata';
import { ConfigError, loadConfig } from '@mmn/config';
import { PhiKeyRotation, rotationProgressLine } from '@mmn/referrals';
import { addPhiKeyVersion } from '@mmn/runtime';
import { cliApp } from './cli-app';

/**
 * `npm run keys:rotate`: re-wraps every referral's data key under the current PHI_KEY version (and encrypts any
 * referral stored before encryption). With PHI_KEY set, add the new version first (`2:new,1:old`) and restart the
 * API with it; the API keeps serving while this runs. Without PHI_KEY (embedded mode), a new version is added to
 * DATA_DIR/secrets.json. Interrupted, it continues where it stopped when run again.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let { app, stop } = await cliApp();
  try {
    // A run that was interrupted continues under the version it started; only a finished one starts another.
    if ((await app.get(PhiKeyRotation).remaining()) === 0) {
      if (config.phiKeys) {
        console.log(
          'Every referral is already under the current PHI_KEY version; to rotate, add a new version to PHI_KEY (`2:new,1:old`), restart the API with it, and run this again.',
        );
        return;
      }
      await stop();
      stop = async () => undefined;
      const added = addPhiKeyVersion(config.dataDir);
      console.log(`Added PHI_KEY version ${/^(\d+):/.exec(added.phiKey)?.[1]} to ${config.dataDir}/secrets.json.`);
      ({ app, stop } = await cliApp());
    }
    const rotation = app.get(PhiKeyRotation);
    let last = 0;
    const { rotated, remaining } = await rotation.run({
      onProgress: (progress) => {
        // One line a second at most, and the last one.
        if (Date.now() - last < 1000 && progress.done < progress.total) return;
        last = Date.now();
        console.log(rotationProgressLine(progress));
      },
    });
    console.log(`Re-wrapped ${rotated} referrals; ${remaining} left.`);
    if (remaining > 0) process.exitCode = 1;
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  // Messages from the cipher name versions and columns only, never a value.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
