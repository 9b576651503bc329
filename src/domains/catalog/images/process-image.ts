/**
 * Turns an uploaded product photo into the renditions the catalog serves: a cleaned original,
 * a large WebP for product pages and a square WebP thumbnail for lists.
 *
 * Uploads are untrusted. We sniff magic bytes before libvips sees anything, so SVG (can carry
 * scripts), PDF and other formats never reach a decoder; bound bytes and pixels (decompression
 * bombs); decode fully with failOn so truncated files are rejected; and re-encode every rendition
 * without metadata so phone GPS/EXIF never leaks to buyers.
 */
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { appError } from '../../../kernel/errors.ts';
import type { MessageKey } from '../../../kernel/i18n/index.ts';

const MiB = 1024 * 1024;
const largeMax = 1600;
const thumbSize = 320;

type Format = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';

export interface ProcessImageOptions {
  /** Default 10 MiB. */
  maxBytes?: number;
  /** Default 40 megapixels; checked on declared dimensions before decoding. */
  maxPixels?: number;
}

export interface Rendition {
  data: Buffer;
  width: number;
  height: number;
}

export interface ProcessedImage {
  original: Rendition & { contentType: string };
  large: Rendition;
  thumb: Rendition;
}

/** Recognises the allowed formats by signature; anything else is refused without decoding. */
function sniffFormat(b: Buffer): Format | null {
  const ascii = (start: number, end: number) => b.subarray(start, end).toString('latin1');
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (
    b.length >= 8 &&
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'png';
  }
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  // ISO-BMFF: [size]['ftyp'][major brand][minor version][compatible brands…]; HEIC shares the
  // container, so require an AVIF brand explicitly.
  if (ascii(4, 8) === 'ftyp') {
    const boxSize = Math.min(b.readUInt32BE(0), b.length);
    const brands = [ascii(8, 12)];
    for (let i = 16; i + 4 <= boxSize; i += 4) brands.push(ascii(i, i + 4));
    if (brands.includes('avif') || brands.includes('avis')) return 'avif';
  }
  return null;
}

const unsupported = (why: MessageKey, cause?: unknown) =>
  appError(
    'UNSUPPORTED_FILE_TYPE',
    'image.unsupported',
    { why: { key: why }, allowed: { key: 'image.allowedTypes' } },
    { details: { allowed: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'] }, cause },
  );

const formatMb = (bytes: number) => `${Math.round((bytes / MiB) * 10) / 10} MB`;

export async function processProductImage(
  input: Buffer,
  opts: ProcessImageOptions = {},
): Promise<ProcessedImage> {
  const maxBytes = opts.maxBytes ?? 10 * MiB;
  const maxPixels = opts.maxPixels ?? 40_000_000;

  if (input.length > maxBytes) {
    throw appError(
      'FILE_TOO_LARGE',
      'image.tooLarge',
      { size: formatMb(input.length), limit: formatMb(maxBytes) },
      { details: { bytes: input.length, maxBytes } },
    );
  }
  const format = sniffFormat(input);
  if (!format) throw unsupported('image.notImage');

  // failOn 'warning' (sharp's advice for untrusted input) rejects truncated or damaged data.
  const source = () => sharp(input, { limitInputPixels: maxPixels, failOn: 'warning', autoOrient: true });

  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw unsupported('image.unreadable', e);
  }
  // sharp reports AVIF as 'heif'; HEVC-coded HEIF (iPhone HEIC) is not supported by browsers.
  const decoded = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : meta.format;
  if (decoded !== format) throw unsupported('image.mismatch');
  const pixels = meta.width * meta.height;
  if (pixels > maxPixels) {
    throw appError(
      'FILE_TOO_LARGE',
      'image.tooManyPixels',
      {
        width: meta.width,
        height: meta.height,
        mp: Math.round(pixels / 1e6),
        limitMp: Math.round(maxPixels / 1e6),
      },
      { details: { width: meta.width, height: meta.height, maxPixels } },
    );
  }

  try {
    // Three pipelines instead of clone(): a decode error then surfaces from each await rather
    // than as an unhandled rejection, and the cost is fine for ≤40 MP uploads.
    const [original, large, thumb] = await Promise.all([
      encodeOriginal(source(), format).toBuffer({ resolveWithObject: true }),
      source()
        .resize(largeMax, largeMax, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true }),
      // Product photos are usually centred, so a centre crop is more predictable than saliency.
      source()
        .resize(thumbSize, thumbSize, { fit: 'cover', position: 'centre' })
        .webp({ quality: 78 })
        .toBuffer({ resolveWithObject: true }),
    ]);
    const r = (o: { data: Buffer; info: OutputInfo }) => ({
      data: o.data,
      width: o.info.width,
      height: o.info.height,
    });
    return { original: { ...r(original), contentType: `image/${format}` }, large: r(large), thumb: r(thumb) };
  } catch (e) {
    if (e instanceof Error && /pixel limit/i.test(e.message)) {
      throw appError(
        'FILE_TOO_LARGE',
        'image.pixelLimit',
        { limitMp: Math.round(maxPixels / 1e6) },
        { cause: e },
      );
    }
    throw unsupported('image.damaged', e);
  }
}

/** Re-encodes in the upload's own format: same type for the buyer, minus EXIF/GPS metadata. */
function encodeOriginal(img: Sharp, format: Format): Sharp {
  switch (format) {
    case 'jpeg':
      return img.jpeg({ quality: 90, mozjpeg: true });
    case 'png':
      return img.png();
    case 'webp':
      return img.webp({ quality: 90 });
    case 'gif':
      return img.gif();
    case 'avif':
      return img.avif({ quality: 70 });
  }
}
