/**
 * The bytes of an import file, whether it was given as text or as the zip the ANS publishes: a zip
 * (recognised by its signature, not its name) is inflated as it streams, and its first text entry
 * (`.txt` or `.csv`) is the file. Progress counts the bytes of the file as stored (compressed or not),
 * so that the share read matches the size the run announced.
 */
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';
import { CsvFileError } from './csv';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export const isZip = (head: Uint8Array) => ZIP_SIGNATURE.every((b, i) => head[i] === b);

const TEXT_ENTRY = /\.(txt|csv)$/i;

async function* unzipFirstText(chunks: AsyncIterable<Buffer>, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  const out: Buffer[] = [];
  let chosen: UnzipFile | null = null;
  let done = false;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    if (chosen || !TEXT_ENTRY.test(file.name) || file.name.endsWith('/')) return;
    chosen = file;
    file.ondata = (error, data, final) => {
      if (error) failure = error;
      else {
        if (data.length > 0) out.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
        if (final) done = true;
      }
    };
    try {
      file.start();
    } catch {
      failure = new CsvFileError(
        `Archive zip : l'entrée « ${file.name} » utilise une compression non prise en charge (deflate attendu).`,
      );
    }
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  const push = (data: Uint8Array, final: boolean) => {
    try {
      unzip.push(data, final);
    } catch (error) {
      throw new CsvFileError(`Archive zip illisible : ${error instanceof Error ? error.message : String(error)}.`);
    }
    if (failure) throw new CsvFileError(`Archive zip illisible : ${(failure as Error).message}.`);
  };
  for await (const chunk of chunks) {
    onBytes(chunk.length);
    if (done) continue; // the rest of the archive (other entries, central directory) is not needed
    push(chunk, false);
    if (out.length) yield* out.splice(0, out.length);
  }
  if (!done) push(new Uint8Array(0), true);
  if (out.length) yield* out.splice(0, out.length);
  if (!chosen) throw new CsvFileError("L'archive zip ne contient aucun fichier texte (.txt ou .csv).");
  if (!done) throw new CsvFileError("Archive zip tronquée : le fichier qu'elle contient s'arrête avant sa fin.");
}

/**
 * The file's text bytes. `onBytes` is told how many stored bytes each chunk had (compressed ones for a
 * zip), for progress.
 */
export async function* openImportSource(
  source: AsyncIterable<Buffer | string>,
  onBytes: (n: number) => void,
): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  const asBuffer = (c: Buffer | string) => (typeof c === 'string' ? Buffer.from(c) : c);
  // Enough bytes to see the signature.
  const head: Buffer[] = [];
  let headLength = 0;
  let ended = false;
  while (headLength < ZIP_SIGNATURE.length) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = asBuffer(next.value);
    head.push(chunk);
    headLength += chunk.length;
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield* head;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield asBuffer(next.value);
    }
  }
  if (isZip(Buffer.concat(head))) {
    yield* unzipFirstText(all(), onBytes);
    return;
  }
  for await (const chunk of all()) {
    onBytes(chunk.length);
    yield chunk;
  }
}
