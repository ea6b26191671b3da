/**
 * One PDF stack (pdf-lib) for every document we print: Liberation Sans embedded and subset (accents,
 * « », €, ’ print as typed), and a layout that wraps text into boxes and records every box it drew, so
 * tests can prove that nothing overlaps.
 */
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

export const A4 = { width: 595.28, height: 841.89 };
export const MARINE = rgb(0, 0, 0.57);
export const GREY = rgb(0.35, 0.35, 0.35);

function fontDirectory(): string {
  const candidates = [path.resolve(__dirname, '../../assets/fonts'), path.resolve(__dirname, '../../../assets/fonts')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'LiberationSans-Regular.ttf'))) ?? candidates[0]!;
}

let fontBytes: { regular: Buffer; bold: Buffer } | null = null;

type FontkitFont = ReturnType<typeof fontkit.create>;
type GlyphRun = ReturnType<FontkitFont['layout']>;
const LAYOUT_CACHE_LIMIT = 2000;
const parsedFonts = new Map<Uint8Array, FontkitFont>();

/**
 * fontkit for pdf-lib, with our font files parsed once for every document and their shaping (`layout`,
 * which pdf-lib runs for every width measured and every line drawn) kept for recent strings: the words
 * and lines of a wave's letters repeat from one letter to the next. pdf-lib only reads a shaped run
 * (glyph ids and advances) and each document makes its own subset, so documents can share both.
 */
const sharedFontkit = {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont {
    let font = parsedFonts.get(buffer);
    if (!font) {
      font = fontkit.create(buffer, postscriptName);
      const layout = font.layout.bind(font);
      const runs = new Map<string, GlyphRun>();
      font.layout = (text, features) => {
        if (features !== undefined) return layout(text, features);
        let run = runs.get(text);
        if (!run) {
          run = layout(text);
          if (runs.size >= LAYOUT_CACHE_LIMIT) runs.clear();
          runs.set(text, run);
        }
        return run;
      };
      parsedFonts.set(buffer, font);
    }
    return font;
  },
};

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  if (!fontBytes) {
    const dir = fontDirectory();
    fontBytes = {
      regular: fs.readFileSync(path.join(dir, 'LiberationSans-Regular.ttf')),
      bold: fs.readFileSync(path.join(dir, 'LiberationSans-Bold.ttf')),
    };
  }
  doc.registerFontkit(sharedFontkit);
  const fonts = {
    regular: await doc.embedFont(fontBytes.regular, { subset: true }),
    bold: await doc.embedFont(fontBytes.bold, { subset: true }),
  };
  return fonts;
}

/**
 * The width of a piece of text without spaces (shaped once: see `sharedFontkit`).
 */
function wordWidth(font: PDFFont, word: string, size: number): number {
  return word === '' ? 0 : font.widthOfTextAtSize(word, size);
}

/** What the font cannot draw (control characters, rare symbols) becomes readable text. */
export function printable(text: string): string {
  return text
    .replace(/[\u202f\u2009]/g, '\u00a0')
    .replace(/\t/g, ' ')
    .split('')
    .filter((c) => c === '\n' || c.charCodeAt(0) >= 0x20)
    .join('');
}

/**
 * Splits text into lines no wider than `width`; a word longer than the line is cut. A line's width is
 * the sum of its words' and spaces' widths (glyph advances add up; a space ends any ligature), each word
 * measured once.
 */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const space = wordWidth(font, ' ', size);
  for (const paragraph of printable(text).split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      let rest = word;
      let restWidth = wordWidth(font, rest, size);
      while (restWidth > width) {
        let cut = rest.length - 1;
        while (cut > 1 && wordWidth(font, rest.slice(0, cut), size) > width) cut--;
        if (line) {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
        restWidth = wordWidth(font, rest, size);
      }
      if (line && lineWidth + space + restWidth > width) {
        lines.push(line);
        line = rest;
        lineWidth = restWidth;
      } else {
        lineWidth = line ? lineWidth + space + restWidth : restWidth;
        line = line ? `${line} ${rest}` : rest;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** A drawn rectangle, in PDF points, on a page (0-based). */
export interface Box {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  what: string;
}

export function overlaps(a: Box, b: Box): boolean {
  const EPS = 0.01;
  return (
    a.page === b.page &&
    a.x < b.x + b.width - EPS &&
    b.x < a.x + a.width - EPS &&
    a.y < b.y + b.height - EPS &&
    b.y < a.y + a.height - EPS
  );
}

export interface TextOptions {
  size?: number;
  bold?: boolean;
  color?: RGB;
  x?: number;
  width?: number;
  /** Space after the block. */
  after?: number;
  what?: string;
}

/** Draws wrapped text blocks top-down, turning the page when needed, and keeps the boxes it drew. */
export class FlowWriter {
  page!: PDFPage;
  pageIndex = -1;
  y = 0;
  readonly boxes: Box[] = [];

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly margin = 56,
    private readonly onNewPage?: (writer: FlowWriter) => void,
  ) {}

  newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pageIndex = this.doc.getPageCount() - 1;
    this.y = A4.height - this.margin;
    this.onNewPage?.(this);
  }

  get contentWidth() {
    return A4.width - 2 * this.margin;
  }

  /** Writes a block; returns its box (the last page's part when it spans pages). */
  text(raw: string, options: TextOptions = {}): Box {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const x = options.x ?? this.margin;
    const width = options.width ?? A4.width - this.margin - x;
    const leading = size * 1.3;
    let top = this.y;
    let count = 0;
    let box: Box | null = null;
    const flush = () => {
      if (count === 0) return;
      box = {
        page: this.pageIndex,
        x,
        y: top - count * leading,
        width,
        height: count * leading,
        what: options.what ?? raw.slice(0, 30),
      };
      this.boxes.push(box);
    };
    for (const line of wrap(raw, font, size, width)) {
      if (this.y - leading < this.margin) {
        flush();
        this.newPage();
        top = this.y;
        count = 0;
      }
      if (line) this.page.drawText(line, { x, y: this.y - size, size, font, color: options.color ?? rgb(0, 0, 0) });
      this.y -= leading;
      count++;
    }
    flush();
    this.y -= options.after ?? 0;
    return box ?? { page: this.pageIndex, x, y: this.y, width, height: 0, what: options.what ?? '' };
  }
}
