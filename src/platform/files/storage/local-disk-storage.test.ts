import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors.ts';
import { createLocalDiskStorage } from './local-disk-storage.ts';
import type { FileStorage } from './storage.ts';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return e instanceof AppError ? e.code : `non-AppError: ${String(e)}`;
  }
  return undefined;
}

describe('createLocalDiskStorage', () => {
  let dir: string;
  let storage: FileStorage;
  const key = 'shops/shop_1/images/img_1/thumb.webp';

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cunkou-storage-'));
    storage = createLocalDiskStorage(path.join(dir, 'files'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips a buffer with its content type', async () => {
    const data = Buffer.from('RIFF....WEBPfake');
    expect(await storage.put(key, data, 'image/webp')).toEqual({ key, bytes: data.length });
    expect(await storage.exists(key)).toBe(true);
    const got = await storage.get(key);
    expect(got.contentType).toBe('image/webp');
    expect(got.bytes).toBe(data.length);
    expect(await readAll(got.stream)).toEqual(data);
    // Stored at the key path under the root, so operators can find files by hand.
    expect(await readFile(path.join(dir, 'files', key))).toEqual(data);
  });

  it('stores a stream and counts its bytes', async () => {
    const parts = [Buffer.alloc(70_000, 1), Buffer.alloc(30_000, 2)];
    const res = await storage.put('exports/a.csv', Readable.from(parts), 'text/csv; charset=utf-8');
    expect(res.bytes).toBe(100_000);
    const got = await storage.get('exports/a.csv');
    expect(got.contentType).toBe('text/csv; charset=utf-8');
    expect(await readAll(got.stream)).toEqual(Buffer.concat(parts));
  });

  it('overwrites atomically and leaves no temp files behind', async () => {
    await storage.put(key, Buffer.from('one'), 'image/webp');
    await storage.put(key, Buffer.from('second'), 'image/png');
    const got = await storage.get(key);
    expect(got.contentType).toBe('image/png');
    expect((await readAll(got.stream)).toString()).toBe('second');
    const names = await readdir(path.join(dir, 'files', path.dirname(key)));
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('cleans up the temp file when the source stream fails', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('client hung up'));
      },
    });
    await expect(storage.put(key, failing, 'image/webp')).rejects.toThrow('client hung up');
    expect(await storage.exists(key)).toBe(false);
    const names = await readdir(path.join(dir, 'files', path.dirname(key)));
    expect(names).toEqual([]);
  });

  it('reports missing files as NOT_FOUND and deletes idempotently', async () => {
    expect(await storage.exists(key)).toBe(false);
    expect(await codeOf(storage.get(key))).toBe('NOT_FOUND');
    await storage.put(key, Buffer.from('x'), 'image/webp');
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    expect(await codeOf(storage.get(key))).toBe('NOT_FOUND');
  });

  it('serves a file without a sidecar as octet-stream', async () => {
    await storage.put(key, Buffer.from('x'), 'image/webp');
    await rm(path.join(dir, 'files', path.dirname(key), '.thumb.webp.meta.json'));
    expect((await storage.get(key)).contentType).toBe('application/octet-stream');
  });

  it('treats a directory as not found', async () => {
    await storage.put('shops/s/file.txt', Buffer.from('x'), 'text/plain');
    expect(await storage.exists('shops/s')).toBe(false);
  });

  it.each([
    '../escape.txt',
    'shops/../../etc/passwd',
    'shops/./a',
    '/etc/passwd',
    'C:/Windows/win.ini',
    'shops\\a.txt',
    'shops/a\0.txt',
    'shops//a.txt',
    'shops/a/',
    '',
    'shops/.thumb.webp.meta.json',
    'shops/a b.txt',
  ])('rejects unsafe key %j with VALIDATION_FAILED on every operation', async (bad) => {
    expect(await codeOf(storage.put(bad, Buffer.from('x'), 'text/plain'))).toBe('VALIDATION_FAILED');
    expect(await codeOf(storage.get(bad))).toBe('VALIDATION_FAILED');
    expect(await codeOf(storage.delete(bad))).toBe('VALIDATION_FAILED');
    expect(await codeOf(storage.exists(bad))).toBe('VALIDATION_FAILED');
  });

  it('does not write outside the root even for a rejected traversal', async () => {
    await writeFile(path.join(dir, 'victim.txt'), 'keep');
    await codeOf(storage.put('../victim.txt', Buffer.from('pwned'), 'text/plain'));
    expect(await readFile(path.join(dir, 'victim.txt'), 'utf8')).toBe('keep');
  });
});
