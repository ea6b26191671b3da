/**
 * A page image made ready for OCR, in plain JavaScript over its pixels (no native dependency):
 * grey levels, the paper's background brought to white (a shadow across a photographed page, grey
 * paper, the darker table around the sheet), isolated dark pixels removed (scanner specks), and the
 * page cropped to its ink. Tesseract then reads less and better: on the generated corpus the noise
 * around a photographed page was read as hundreds of low-confidence words, and cost most of the time.
 */

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, row by row; 0 is black. */
  data: Uint8Array;
}

export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Background blocks, in pixels: larger than a letter, smaller than a shadow's gradient. */
const BLOCK = 32;
/** Below this (after normalisation), a pixel is ink. */
const INK = 140;
/** At or above this (after normalisation), a pixel is paper, made white. */
const PAPER = 190;

/** RGBA pixels (canvas ImageData) to grey levels. */
export function toGrey(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < data.length; i += 4, j += 1) {
    data[j] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
  }
  return { width, height, data };
}

/**
 * Divides each pixel by the local paper brightness (the lightest level around it, over blocks of 32 px
 * and their neighbours, interpolated), so the paper is white wherever it is and ink keeps its contrast.
 */
export function flattenBackground(image: GreyImage): GreyImage {
  const { width, height, data } = image;
  const bw = Math.ceil(width / BLOCK);
  const bh = Math.ceil(height / BLOCK);
  const blockMax = new Uint8Array(bw * bh);
  // Over 2 × 2 means: the paper's level, not its grain's brightest pixel.
  for (let y = 0; y < height - 1; y += 1) {
    const row = y * width;
    const brow = ((y / BLOCK) | 0) * bw;
    for (let x = 0; x < width - 1; x += 1) {
      const v = (data[row + x]! + data[row + x + 1]! + data[row + width + x]! + data[row + width + x + 1]!) >> 2;
      const b = brow + ((x / BLOCK) | 0);
      if (v > blockMax[b]!) blockMax[b] = v;
    }
  }
  // The lightest block around each block: a block covered by a bold heading takes its neighbours' paper.
  const paper = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by += 1) {
    for (let bx = 0; bx < bw; bx += 1) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy += 1) {
        for (let dx = -1; dx <= 1; dx += 1) {
          const [x, y] = [bx + dx, by + dy];
          if (x >= 0 && y >= 0 && x < bw && y < bh) m = Math.max(m, blockMax[y * bw + x]!);
        }
      }
      paper[by * bw + bx] = Math.max(m, 48);
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    // Bilinear interpolation between block centres.
    const fy = Math.min(Math.max((y + 0.5) / BLOCK - 0.5, 0), bh - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, bh - 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x += 1) {
      const fx = Math.min(Math.max((x + 0.5) / BLOCK - 0.5, 0), bw - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, bw - 1);
      const wx = fx - x0;
      const top = paper[y0 * bw + x0]! * (1 - wx) + paper[y0 * bw + x1]! * wx;
      const bottom = paper[y1 * bw + x0]! * (1 - wx) + paper[y1 * bw + x1]! * wx;
      const bg = top * (1 - wy) + bottom * wy;
      const v = (data[y * width + x]! * 255) / bg;
      out[y * width + x] = v >= 255 ? 255 : v;
    }
  }
  return { width, height, data: out };
}

/**
 * Specks become paper: an ink pixel with no ink neighbour, or two ink pixels touching only each other. A
 * stroke always has a neighbour along it, and its end's neighbour has another.
 */
export function removeSpecks(image: GreyImage): GreyImage {
  const { width, height, data } = image;
  const neighbours = new Uint8Array(width * height);
  const ink = (i: number) => data[i]! < INK;
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const i = y * width + x;
      if (!ink(i)) continue;
      let n = 0;
      for (let dy = -1; dy <= 1; dy += 1)
        for (let dx = -1; dx <= 1; dx += 1) if ((dx || dy) && ink(i + dy * width + dx)) n += 1;
      neighbours[i] = n;
    }
  }
  const out = new Uint8Array(data);
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const i = y * width + x;
      if (!ink(i)) {
        // The paper's own grain is no information: pure white, so Tesseract's threshold sees ink and paper only.
        if (data[i]! >= PAPER) out[i] = 255;
        continue;
      }
      if (neighbours[i] === 0) out[i] = 255;
      else if (neighbours[i] === 1) {
        let lonelyPair = false;
        for (let dy = -1; dy <= 1; dy += 1) {
          for (let dx = -1; dx <= 1; dx += 1) {
            const j = i + dy * width + dx;
            if ((dx || dy) && ink(j)) lonelyPair = neighbours[j] === 1;
          }
        }
        if (lonelyPair) out[i] = 255;
      }
    }
  }
  return { width, height, data: out };
}

/**
 * The rectangle holding the ink, with a margin; null when there is none. Rows with less ink than 1 % of
 * their length (what remains of noise, the edge of a photographed sheet) and columns with fewer than
 * three ink pixels are left out.
 */
export function inkCrop(image: GreyImage, margin = 24): Crop | null {
  const { width, height, data } = image;
  const rows = new Uint32Array(height);
  const cols = new Uint32Array(width);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (data[y * width + x]! < INK) {
        rows[y] = rows[y]! + 1;
        cols[x] = cols[x]! + 1;
      }
    }
  }
  const first = (counts: Uint32Array, min: number) => counts.findIndex((c) => c >= min);
  const last = (counts: Uint32Array, min: number) => {
    for (let i = counts.length - 1; i >= 0; i -= 1) if (counts[i]! >= min) return i;
    return -1;
  };
  // A column may hold one short line's end (a few pixels); a row with ink holds a whole line's letters.
  const rowMin = Math.max(3, Math.round(width / 100));
  const [top, bottom] = [first(rows, rowMin), last(rows, rowMin)];
  const [left, right] = [first(cols, 3), last(cols, 3)];
  if (top < 0 || left < 0) return null;
  const x = Math.max(0, left - margin);
  const y = Math.max(0, top - margin);
  return {
    x,
    y,
    width: Math.min(width, right + margin + 1) - x,
    height: Math.min(height, bottom + margin + 1) - y,
  };
}

/** The cropped image as a binary PGM (P5), which Tesseract's Leptonica reads without decoding work. */
export function pgm(image: GreyImage, crop: Crop): Buffer {
  const header = Buffer.from(`P5\n${crop.width} ${crop.height}\n255\n`, 'ascii');
  const body = Buffer.alloc(crop.width * crop.height);
  for (let y = 0; y < crop.height; y += 1) {
    const from = (crop.y + y) * image.width + crop.x;
    body.set(image.data.subarray(from, from + crop.width), y * crop.width);
  }
  return Buffer.concat([header, body]);
}

/** The page cleaned for OCR: grey, paper flattened to white, specks removed. */
export function cleanPage(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GreyImage {
  return removeSpecks(flattenBackground(toGrey(rgba, width, height)));
}

export interface Band {
  /** What Tesseract reads. */
  crop: Crop;
  /** Words whose centre lies in [keepFrom, keepTo) (page rows) are kept from this band. */
  keepFrom: number;
  keepTo: number;
}

/**
 * The ink cut into `count` horizontal bands (one per OCR worker). Each cut falls between two lines when
 * there is an empty gap near its place; otherwise (a skewed page) on the emptiest row, the bands then
 * overlapping by more than a line so that a word near the cut is read whole in the band that keeps it
 * (the one holding its centre). A page too small to be worth it is one band.
 */
export function bands(image: GreyImage, crop: Crop, count: number): Band[] {
  const whole = [{ crop, keepFrom: 0, keepTo: image.height }];
  const overlap = Math.max(48, Math.round(image.height * 0.035));
  if (count < 2 || crop.height < overlap * 4) return whole;
  const ink = new Uint32Array(crop.height);
  for (let y = 0; y < crop.height; y += 1) {
    const row = (crop.y + y) * image.width + crop.x;
    let n = 0;
    for (let x = 0; x < crop.width; x += 1) if (image.data[row + x]! < INK) n += 1;
    ink[y] = n;
  }
  const cuts: { at: number; overlap: number }[] = [];
  for (let k = 1; k < count; k += 1) {
    const around = Math.round((crop.height * k) / count);
    const span = Math.round(crop.height / count / 4);
    // Between two lines (three empty rows or more), no word crosses the cut: the bands barely overlap.
    let [run, bestRun, bestEnd] = [0, 0, -1];
    for (let y = around - span; y <= around + span; y += 1) {
      run = ink[y] === 0 ? run + 1 : 0;
      if (run > bestRun) [bestRun, bestEnd] = [run, y];
    }
    if (bestRun >= 3) {
      cuts.push({ at: crop.y + bestEnd - (bestRun >> 1), overlap: 2 });
      continue;
    }
    let best = around;
    for (let y = around - span; y <= around + span; y += 1) if (ink[y]! < ink[best]!) best = y;
    cuts.push({ at: crop.y + best, overlap });
  }
  const edges = [{ at: 0, overlap: 0 }, ...cuts, { at: image.height, overlap: 0 }];
  return edges.slice(0, -1).map((from, k) => {
    const to = edges[k + 1]!;
    const top = Math.max(crop.y, from.at - from.overlap);
    const bottom = Math.min(crop.y + crop.height, to.at + to.overlap);
    return { crop: { x: crop.x, y: top, width: crop.width, height: bottom - top }, keepFrom: from.at, keepTo: to.at };
  });
}
