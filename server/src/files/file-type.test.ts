import { sniffContentType } from './file-type';

describe('sniffContentType', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%...'), 'application/pdf'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['an ELF executable named .pdf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]), null],
    ['a Windows executable', Buffer.from('MZ\x90\x00'), null],
    ['an HTML page', Buffer.from('<!doctype html><script>'), null],
    ['a truncated PNG signature', Buffer.from([0x89, 0x50, 0x4e]), null],
    ['an empty file', Buffer.alloc(0), null],
  ])('recognises %s', (_label, bytes, expected) => {
    expect(sniffContentType(bytes)).toBe(expected);
  });
});
