/**
 * `npm run precheck -- [--lease-ms=N]`: reads every piece whose pré-contrôle is pending (or whose
 * worker died: its lease has expired), as the server's background loop does, then exits.
 */
import 'reflect-metadata';
import { runWithDatabase } from '../db/open';
import { FilesystemStorage } from '../files/storage';
import { ChildExtractor } from '../precheck/extractor';
import { runPrecheckJobs } from '../precheck/runner';

runWithDatabase(async (db, config) => {
  const lease = process.argv.find((a) => a.startsWith('--lease-ms='));
  const storage =
    config.FILE_STORAGE === 's3'
      ? (await import('../files/s3-storage')).S3Storage.fromConfig(config)
      : new FilesystemStorage(config.filesDir);
  const extractor = new ChildExtractor();
  try {
    const counts = await runPrecheckJobs({
      db,
      storage,
      extractor,
      leaseMs: lease ? Number(lease.split('=')[1]) : undefined,
    });
    console.log(`Pré-contrôle : ${counts.completed} pièce(s) lue(s), ${counts.failed} tentative(s) en échec.`);
    return 0;
  } finally {
    await extractor.close();
  }
});
