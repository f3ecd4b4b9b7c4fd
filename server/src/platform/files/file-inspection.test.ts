import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { jpegWithGps, pdf, png, text } from '../../../test/fixtures/files.ts';
import { inspectUpload } from './file-inspection.ts';

describe('inspectUpload', () => {
  it('re-encodes a phone photo without its EXIF (no GPS position, no camera, no owner)', async () => {
    const photo = await jpegWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    expect(photo.includes(Buffer.from('An Peeters'))).toBe(true);

    const result = await inspectUpload(photo);
    expect(result).toMatchObject({ ok: true, mediaType: 'image/jpeg' });
    if (!result.ok) return;
    const metadata = await sharp(result.bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(result.bytes.includes(Buffer.from('An Peeters'))).toBe(false);
    expect(result.bytes.includes(Buffer.from('TestPhone'))).toBe(false);
    expect({ width: metadata.width, height: metadata.height }).toEqual({ width: 40, height: 30 });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps a PDF byte for byte', async () => {
    const file = pdf();
    const result = await inspectUpload(file);
    expect(result).toMatchObject({ ok: true, mediaType: 'application/pdf' });
    expect(result.ok && result.bytes.equals(file)).toBe(true);
  });

  it('reads the type from the content: a PNG is a PNG whatever it is called', async () => {
    expect(await inspectUpload(await png())).toMatchObject({ ok: true, mediaType: 'image/png' });
  });

  it('refuses text and types it does not store', async () => {
    expect(await inspectUpload(text())).toEqual({ ok: false, reason: 'unknown-type', detected: null });
    const gif = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect(await inspectUpload(gif)).toEqual({ ok: false, reason: 'unknown-type', detected: 'image/gif' });
  });

  it('refuses a file that starts like a JPEG but is not one', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF\0 and then nothing of an image')]);
    expect(await inspectUpload(fake)).toEqual({ ok: false, reason: 'unreadable', detected: 'image/jpeg' });
  });
});
