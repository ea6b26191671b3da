/**
 * Text of every page of a PDF, extracted with pdf.js: what a reader would copy.
 *
 * pdfjs-dist 5 is ESM only and Jest's module system cannot load it, so the text is read in a plain Node
 * process (require(esm), Node ≥ 20.19) — the same pdf.js the pré-contrôle reads pieces with.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const READER = `
const pdfjs = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(Buffer.concat(chunks)),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
    standardFontDataUrl: process.argv[2],
  }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\\n' : ' ') : ''))
        .join('')
        .replace(/[ \\u00a0]+/g, ' '),
    );
  }
  await doc.destroy();
  process.stdout.write(JSON.stringify(pages));
});
`;

export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const args = ['-e', READER, path.join(root, 'legacy/build/pdf.mjs'), path.join(root, 'standard_fonts') + path.sep];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.stdin.end(Buffer.from(bytes));
  const code = await exited;
  if (code !== 0) throw new Error(`pdf.js could not read the PDF (exit ${code}): ${err.trim()}`);
  return JSON.parse(out) as string[];
}
