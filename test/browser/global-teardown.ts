/** Stops the server started by global-setup.ts (SIGTERM, then SIGKILL after 15 s) and removes its data. */
export default async function globalTeardown() {
  await globalThis.mcboBrowserServer?.stop();
  globalThis.mcboBrowserServer = undefined;
}
