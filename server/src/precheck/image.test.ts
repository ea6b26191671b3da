import { bands, flattenBackground, inkCrop, pgm, removeSpecks, toGrey, type GreyImage } from './image';

/** A grey image from a function of (x, y). */
function image(width: number, height: number, level: (x: number, y: number) => number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) data[y * width + x] = level(x, y);
  return { width, height, data };
}
const at = (img: GreyImage, x: number, y: number) => img.data[y * img.width + x]!;

describe('toGrey', () => {
  it.each([
    ['white', [255, 255, 255], 255],
    ['black', [0, 0, 0], 0],
    ['pure green weighs most', [0, 255, 0], 149],
    ['pure blue weighs least', [0, 0, 255], 28],
  ])('%s', (_, [r, g, b], grey) => {
    expect(toGrey(new Uint8Array([r!, g!, b!, 255]), 1, 1).data[0]).toBe(grey);
  });
});

describe('flattenBackground', () => {
  // Paper darkening from 240 (left) to 150 (right), as under a shadow, with ink strokes at half the paper's level.
  const paper = (x: number) => 240 - x * 0.15;
  const shaded = image(600, 64, (x, y) => (y >= 30 && y < 34 && x % 16 < 8 ? paper(x) / 2 : paper(x)));
  const flat = flattenBackground(shaded);

  it('brings the paper to white (nearly) wherever it is', () => {
    for (const x of [2, 300, 590]) expect(at(flat, x, 10)).toBeGreaterThanOrEqual(235);
    expect(at(shaded, 590, 10)).toBeLessThan(155); // it was grey
  });
  it('keeps the ink at its contrast with the paper around it, in the light and in the shadow', () => {
    for (const x of [2, 290, 580]) expect(at(flat, x, 31)).toBeLessThan(140);
  });
});

describe('removeSpecks', () => {
  const blank = () => image(12, 12, () => 255);
  const draw = (img: GreyImage, points: [number, number][]) => {
    for (const [x, y] of points) img.data[y * img.width + x] = 0;
    return img;
  };

  it.each([
    ['a lone dark pixel becomes paper', [[5, 5]], [255]],
    [
      'two dark pixels touching only each other become paper',
      [
        [5, 5],
        [6, 6],
      ],
      [255, 255],
    ],
    [
      'three in a row (a stroke) are kept',
      [
        [4, 5],
        [5, 5],
        [6, 5],
      ],
      [0, 0, 0],
    ],
    [
      'a dot of 2 × 2 (a full stop) is kept',
      [
        [5, 5],
        [6, 5],
        [5, 6],
        [6, 6],
      ],
      [0, 0, 0, 0],
    ],
  ] as [string, [number, number][], number[]][])('%s', (_, points, expected) => {
    const out = removeSpecks(draw(blank(), points));
    expect(points.map(([x, y]) => at(out, x, y))).toEqual(expected);
  });

  it('makes the paper’s grain white and leaves grey ink grey', () => {
    const out = removeSpecks(image(5, 5, (x) => (x === 2 ? 120 : 200)));
    expect([at(out, 1, 2), at(out, 2, 2)]).toEqual([255, 120]);
  });
});

describe('inkCrop', () => {
  it('is the ink’s rectangle with its margin, null on a blank page', () => {
    const page = image(400, 300, (x, y) => (y >= 100 && y < 110 && x >= 50 && x < 250 ? 0 : 255));
    expect(inkCrop(page, 10)).toEqual({ x: 40, y: 90, width: 220, height: 30 });
    expect(inkCrop(image(400, 300, () => 255))).toBeNull();
  });

  it('leaves out rows with a few specks only, and keeps a column with one line’s end', () => {
    const page = image(400, 300, (x, y) => {
      if (y === 250 && x < 3) return 0; // specks at the sheet's edge, far below the text
      if (y >= 100 && y < 110 && x >= 50 && x < 250) return 0;
      if (y >= 120 && y < 123 && x >= 50 && x < 350) return 0; // a longer line, three pixels high
      return 255;
    });
    expect(inkCrop(page, 0)).toEqual({ x: 50, y: 100, width: 300, height: 23 });
  });
});

describe('bands', () => {
  // Ten lines of text 20 px high every 40 px, from y = 100.
  const lines = image(600, 800, (x, y) => (y >= 100 && y < 500 && (y - 100) % 40 < 20 && x >= 40 ? 0 : 255));
  const crop = inkCrop(lines, 10)!;

  it('one worker, or a small crop: one band keeping everything', () => {
    expect(bands(lines, crop, 1)).toEqual([{ crop, keepFrom: 0, keepTo: 800 }]);
    const small = { ...crop, height: 100 };
    expect(bands(lines, small, 2)).toEqual([{ crop: small, keepFrom: 0, keepTo: 800 }]);
  });

  it('cuts between two lines, in an empty gap, the bands touching', () => {
    const [top, bottom] = bands(lines, crop, 2);
    const cut = top!.keepTo;
    expect(bottom!.keepFrom).toBe(cut);
    expect((cut - 100) % 40).toBeGreaterThanOrEqual(20); // in a gap, not through a line
    expect(top!.crop.y + top!.crop.height).toBeLessThanOrEqual(cut + 2);
    expect(bottom!.crop.y).toBeGreaterThanOrEqual(cut - 2);
    expect(bottom!.crop.y + bottom!.crop.height).toBe(crop.y + crop.height);
  });

  it('no empty row (a skewed page): the bands overlap by more than a line', () => {
    const skewed = image(600, 800, (x, y) =>
      y >= 100 && y < 500 && (y - 100 + Math.floor(x / 14)) % 40 < 20 ? 0 : 255,
    );
    const [top, bottom] = bands(skewed, inkCrop(skewed, 10)!, 2);
    const cut = top!.keepTo;
    expect(top!.crop.y + top!.crop.height - cut).toBeGreaterThanOrEqual(40);
    expect(cut - bottom!.crop.y).toBeGreaterThanOrEqual(40);
  });
});

describe('pgm', () => {
  it('writes the crop as a binary PGM', () => {
    const img = image(4, 3, (x, y) => y * 4 + x);
    const out = pgm(img, { x: 1, y: 1, width: 2, height: 2 });
    expect(out.subarray(0, 11).toString('ascii')).toBe('P5\n2 2\n255\n');
    expect([...out.subarray(11)]).toEqual([5, 6, 9, 10]);
  });
});
