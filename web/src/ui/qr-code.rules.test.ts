import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPath } from './qr-code.rules.ts';

describe('qrPath', () => {
  it('draws each run of dark modules in a row as one rectangle, inside the quiet zone', () => {
    // 1 1 0
    // 0 0 0
    // 1 0 1
    expect(qrPath({ size: 3, data: [1, 1, 0, 0, 0, 0, 1, 0, 1] })).toBe('M4 4h2v1h-2zM4 6h1v1h-1zM6 6h1v1h-1z');
    expect(qrPath({ size: 2, data: [0, 1, 1, 1] }, 0)).toBe('M1 0h1v1h-1zM0 1h2v1h-2z');
  });

  it('draws every dark module of a real code exactly once', () => {
    const { modules } = QRCode.create('https://harelbeke.example/vragen/abc', { errorCorrectionLevel: 'M' });
    const widths = [...qrPath(modules).matchAll(/h(\d+)v1/g)].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(widths).toBe(Array.from(modules.data).filter(Boolean).length);
  });
});
