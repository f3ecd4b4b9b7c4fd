import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { type AttachmentMediaType, isAttachmentMediaType } from '../../../../shared/src/cases/case-attachment.rules.ts';

/**
 * What an uploaded file really is (GUIDE §6): the media type is read from the bytes with
 * file-type (magic numbers), never from the name or the browser's declaration. Images are decoded
 * and encoded again by sharp (libvips), which drops all metadata (EXIF with the GPS position and
 * the camera's serial number, XMP, IPTC, comments) after turning the image upright; a file that
 * only pretends to be an image does not survive the decoding. PDFs are stored as sent.
 */

/** The outcome of inspecting an upload. `unknown-type`: not one of the media types we store; `unreadable`: it claims to be an image but cannot be decoded. */
export type Inspection =
  | { ok: true; mediaType: AttachmentMediaType; bytes: Buffer; sha256: string }
  | { ok: false; reason: 'unknown-type'; detected: string | null }
  | { ok: false; reason: 'unreadable'; detected: AttachmentMediaType };

// A phone photo is about 12-50 megapixels; a decompression bomb is far more.
const maxInputPixels = 100_000_000;

const reencode = async (bytes: Buffer, mediaType: Exclude<AttachmentMediaType, 'application/pdf'>): Promise<Buffer> => {
  const image = sharp(bytes, { failOn: 'error', limitInputPixels: maxInputPixels, animated: false }).autoOrient();
  switch (mediaType) {
    case 'image/jpeg':
      return image.jpeg({ quality: 85 }).toBuffer();
    case 'image/png':
      return image.png({ compressionLevel: 9 }).toBuffer();
    case 'image/webp':
      return image.webp({ quality: 85 }).toBuffer();
  }
};

/** Detects the media type from the bytes and, for images, re-encodes them without metadata. */
export const inspectUpload = async (bytes: Buffer): Promise<Inspection> => {
  const detected = await fileTypeFromBuffer(bytes);
  const mediaType = detected?.mime;
  if (!isAttachmentMediaType(mediaType)) return { ok: false, reason: 'unknown-type', detected: mediaType ?? null };
  let stored = bytes;
  if (mediaType !== 'application/pdf') {
    try {
      stored = await reencode(bytes, mediaType);
    } catch {
      return { ok: false, reason: 'unreadable', detected: mediaType };
    }
  }
  return { ok: true, mediaType, bytes: stored, sha256: createHash('sha256').update(stored).digest('hex') };
};
