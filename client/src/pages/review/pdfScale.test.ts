/// <reference types="jest" />
import { MAX_CANVAS_PIXELS, canvasSize, pageScale } from './pdfScale';

describe('pageScale', () => {
  it('fills the pane at page width, and multiplies it for 150 % and 200 %', () => {
    // An A4 page (595.28 pt) in a 900 px pane.
    expect(pageScale(595.28, 900, 'width')).toBeCloseTo(900 / 595.28);
    expect(pageScale(595.28, 900, '150')).toBeCloseTo((900 / 595.28) * 1.5);
    expect(pageScale(595.28, 900, '200')).toBeCloseTo((900 / 595.28) * 2);
  });

  it('draws the page at its natural size before the pane is measured', () => {
    expect(pageScale(595.28, 0, 'width')).toBe(1);
    expect(pageScale(0, 900, 'width')).toBe(1);
  });
});

describe('canvasSize', () => {
  it('holds device pixels: twice as many on each side at ratio 2', () => {
    expect(canvasSize(900, 1273.2, 2)).toEqual({ width: 1800, height: 2546, ratio: 2 });
    expect(canvasSize(900, 1273.2, 1)).toEqual({ width: 900, height: 1273, ratio: 1 });
  });

  it('takes ratio 1 when the screen reports none', () => {
    expect(canvasSize(100, 50, 0)).toEqual({ width: 100, height: 50, ratio: 1 });
  });

  it('draws a very large page at a lower resolution, within the cap', () => {
    const size = canvasSize(3000, 4243, 3);
    expect(size.width * size.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect(size.ratio).toBeLessThan(3);
    expect(size.width / size.height).toBeCloseTo(3000 / 4243, 2);
  });
});
