/**
 * Recognises the three accepted document types by their first bytes, never by name or declared type:
 * an executable renamed `.pdf` is refused.
 */
export type AcceptedContentType = 'application/pdf' | 'image/png' | 'image/jpeg';

const SIGNATURES: { type: AcceptedContentType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

export function sniffContentType(head: Uint8Array): AcceptedContentType | null {
  for (const { type, bytes } of SIGNATURES) {
    if (head.length >= bytes.length && bytes.every((b, i) => head[i] === b)) return type;
  }
  return null;
}

export const EXTENSION: Record<AcceptedContentType, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};
