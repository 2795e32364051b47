// The demo's drawn card photos are real PNGs the upload rules accept (type from the bytes).
import { describe, expect, it } from 'vitest';
import { detectImageType } from '../modules/uploads/index.ts';
import { silhouettePng } from './card-photo-seed.ts';

describe('silhouettePng', () => {
  it('draws a 96 × 128 PNG that the upload rules take as image/png, different per ground colour', () => {
    const a = silhouettePng(0);
    const b = silhouettePng(1);
    expect(detectImageType(a)).toBe('image/png');
    expect(a.readUInt32BE(16)).toBe(96);
    expect(a.readUInt32BE(20)).toBe(128);
    expect(a.equals(b)).toBe(false);
    expect(a.length).toBeLessThan(4096);
  });
});
