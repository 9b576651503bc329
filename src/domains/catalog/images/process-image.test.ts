import { crc32 } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors.ts';
import { processProductImage } from './process-image.ts';

/** A photo-like image (noise compresses poorly, like real photos) of the given size. */
function noise(width: number, height: number): Sharp {
  const raw = Buffer.alloc(width * height * 3);
  let x = 12345; // xorshift: deterministic but incompressible enough to hit byte limits
  for (let i = 0; i < raw.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    raw[i] = x & 0xff;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

/** Left half red, right half blue: lets us see whether rotation happened. */
function halves(width: number, height: number): Sharp {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="${width / 2}" height="${height}" fill="#f00"/>
    <rect x="${width / 2}" width="${width / 2}" height="${height}" fill="#00f"/></svg>`;
  return sharp(Buffer.from(svg));
}

/** Minimal PNG declaring huge dimensions with a tiny body: the classic decompression bomb shape. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.alloc(16)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('processProductImage', () => {
  it('makes a large WebP (≤1600px) and a 320px square thumb from a big JPEG', async () => {
    const input = await noise(3000, 2000).jpeg().toBuffer();
    const out = await processProductImage(input);
    expect(out.original).toMatchObject({ contentType: 'image/jpeg', width: 3000, height: 2000 });
    expect(out.large).toMatchObject({ width: 1600, height: 1067 });
    expect(out.thumb).toMatchObject({ width: 320, height: 320 });
    expect((await sharp(out.large.data).metadata()).format).toBe('webp');
    expect(await sharp(out.thumb.data).metadata()).toMatchObject({ format: 'webp', width: 320, height: 320 });
    expect((await sharp(out.original.data).metadata()).format).toBe('jpeg');
  });

  it('does not enlarge small images', async () => {
    const out = await processProductImage(await noise(400, 300).png().toBuffer());
    expect(out.original).toMatchObject({ contentType: 'image/png', width: 400, height: 300 });
    expect(out.large).toMatchObject({ width: 400, height: 300 });
  });

  it.each([
    ['webp', (s: Sharp) => s.webp()],
    ['gif', (s: Sharp) => s.gif()],
    ['avif', (s: Sharp) => s.avif()],
  ] as const)('accepts %s', async (format, encode) => {
    const out = await processProductImage(await encode(noise(64, 48)).toBuffer());
    expect(out.original.contentType).toBe(`image/${format}`);
    expect(out.thumb.width).toBe(320);
  });

  it('auto-rotates by EXIF orientation and strips metadata', async () => {
    // Stored 200×100 landscape with orientation 6 (rotate 90° clockwise to display).
    const input = await halves(200, 100)
      .jpeg()
      .withExif({ IFD0: { Copyright: 'secret factory' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect(await sharp(input).metadata()).toMatchObject({ orientation: 6, exif: expect.any(Buffer) });
    const out = await processProductImage(input);
    expect(out.original).toMatchObject({ width: 100, height: 200 });
    expect(out.large).toMatchObject({ width: 100, height: 200 });
    for (const data of [out.original.data, out.large.data, out.thumb.data]) {
      const meta = await sharp(data).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    }
    // After a clockwise turn the red left half is on top.
    const { data } = await sharp(out.large.data).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200); // top-left pixel red
    expect(data[2]).toBeLessThan(60);
  });

  it('rejects files over the byte limit with the limit in MB', async () => {
    const input = await noise(1200, 1200).png().toBuffer();
    const e = await rejection(processProductImage(input, { maxBytes: 1024 * 1024 }));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.message).toMatch(/limit is 1 MB/);
  });

  it('rejects a huge-dimension PNG header before decoding (decompression bomb)', async () => {
    const e = await rejection(processProductImage(pngHeader(100_000, 100_000)));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.message).toMatch(/100000×100000.*limit is 40 MP/);
  });

  it('honours a custom pixel limit', async () => {
    const input = await noise(300, 300).png().toBuffer();
    const e = await rejection(processProductImage(input, { maxPixels: 50_000 }));
    expect(e.code).toBe('FILE_TOO_LARGE');
  });

  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
  );
  it.each([
    ['a text file renamed .jpg', Buffer.from('just some notes, not a photo\n')],
    ['a PDF', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF')],
    ['an SVG with a script', svg],
    ['an SVG with an XML prolog', Buffer.concat([Buffer.from('<?xml version="1.0"?>'), svg])],
    [
      'JPEG magic followed by garbage',
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(200, 7)]),
    ],
    ['an empty buffer', Buffer.alloc(0)],
  ])('rejects %s as UNSUPPORTED_FILE_TYPE listing allowed types', async (_name, input) => {
    const e = await rejection(processProductImage(input));
    expect(e.code).toBe('UNSUPPORTED_FILE_TYPE');
    expect(e.message).toMatch(/JPEG, PNG, WebP, GIF or AVIF/);
  });

  it('rejects a truncated JPEG', async () => {
    const full = await noise(400, 400).jpeg().toBuffer();
    const e = await rejection(processProductImage(full.subarray(0, Math.floor(full.length / 2))));
    expect(e.code).toBe('UNSUPPORTED_FILE_TYPE');
    expect(e.message).toMatch(/damaged or incomplete/);
  });

  it('rejects HEIC-style containers without an AVIF brand', async () => {
    const ftyp = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
    ]);
    const e = await rejection(processProductImage(Buffer.concat([ftyp, Buffer.alloc(100)])));
    expect(e.code).toBe('UNSUPPORTED_FILE_TYPE');
  });
});
