/* global process */
// Preloaded into the API by the bench (node --expose-gc --import bench/gc-probe.mjs): on SIGUSR2 it
// runs a full garbage collection and writes process.memoryUsage() to $BENCH_MEMORY_FILE, so that the
// bench compares retained memory, not wherever the heap happened to be in its GC cycle.
import fs from 'node:fs';

process.on('SIGUSR2', () => {
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    globalThis.gc();
  }
  const file = process.env.BENCH_MEMORY_FILE;
  if (file) fs.writeFileSync(file, JSON.stringify(process.memoryUsage()));
});
