/**
 * The extraction child process: one JSON request per stdin line ({ id, contentType, base64 }), one JSON
 * answer per stdout line ({ id, extraction } or { id, error }). Running it apart keeps the server's event
 * loop free during a PDF parse or an OCR, and a malformed piece that crashes it crashes nothing else.
 */
import readline from 'node:readline';
import { closeExtractor, extractDocument } from './extract';

const input = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
input.on('line', (line) => {
  queue = queue.then(async () => {
    let id: unknown = null;
    try {
      const request = JSON.parse(line) as { id: number; contentType: string; base64: string };
      id = request.id;
      const extraction = await extractDocument(Buffer.from(request.base64, 'base64'), request.contentType);
      process.stdout.write(`${JSON.stringify({ id, extraction })}\n`);
    } catch (error) {
      process.stdout.write(`${JSON.stringify({ id, error: (error as Error).message ?? String(error) })}\n`);
    }
  });
});
input.on('close', () => {
  void queue.then(async () => {
    await closeExtractor();
    process.exit(0);
  });
});
