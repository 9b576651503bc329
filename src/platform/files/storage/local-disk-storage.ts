/**
 * FileStorage on the local filesystem, rooted at e.g. `<dataDir>/files`.
 *
 * Content type lives in a sidecar `.<name>.meta.json` rather than being derived from the
 * extension: callers may store any type (PDF labels, CSV exports with a charset), and it mirrors
 * object metadata in S3 so both adapters behave alike. The leading dot keeps the sidecar out of
 * the valid key space (see assertValidStorageKey), so no user key can overwrite it.
 *
 * Writes go to a temp file in the same directory, are fsynced, then renamed into place, so a
 * reader never sees a half-written image. The data file is renamed last: its presence is what
 * `exists` reports.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../kernel/errors.ts';
import { assertValidStorageKey, type FileStorage } from './storage.ts';

interface Meta {
  contentType: string;
}

export function createLocalDiskStorage(rootDir: string): FileStorage {
  const root = path.resolve(rootDir);

  const resolve = (key: string) => {
    assertValidStorageKey(key);
    const file = path.resolve(root, key);
    // Defence in depth: the key check should already make escaping the root impossible.
    if (!file.startsWith(root + path.sep)) {
      throw new AppError('VALIDATION_FAILED', `Invalid storage key "${key}": resolves outside storage root.`);
    }
    return { file, meta: path.join(path.dirname(file), `.${path.basename(file)}.meta.json`) };
  };

  const tempName = (file: string) =>
    path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);

  /** Writes `source` to a temp file and fsyncs it; returns the temp path and byte count. */
  async function writeTemp(file: string, source: Buffer | NodeJS.ReadableStream): Promise<[string, number]> {
    const tmp = tempName(file);
    const handle = await open(tmp, 'wx');
    try {
      let bytes = 0;
      // Plain writes on the handle (not a write stream) so we can fsync before rename; chunks
      // are awaited one at a time, which also gives natural backpressure on the source.
      const chunks: Iterable<Buffer> | AsyncIterable<Buffer | string> = Buffer.isBuffer(source)
        ? [source]
        : source;
      for await (const chunk of chunks) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        await handle.writeFile(buf); // loops until the whole chunk is written, unlike write()
        bytes += buf.length;
      }
      await handle.sync();
      return [tmp, bytes];
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    } finally {
      await handle.close();
    }
  }

  return {
    async put(key, data, contentType) {
      const { file, meta } = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      const [dataTmp, bytes] = await writeTemp(file, data);
      try {
        const body: Meta = { contentType };
        const [metaTmp] = await writeTemp(meta, Buffer.from(JSON.stringify(body)));
        await rename(metaTmp, meta);
        await rename(dataTmp, file);
      } catch (e) {
        await rm(dataTmp, { force: true });
        throw e;
      }
      return { key, bytes };
    },

    async get(key) {
      const { file, meta } = resolve(key);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) throw new AppError('NOT_FOUND', `File "${key}" was not found in storage.`);
      let contentType = 'application/octet-stream';
      try {
        contentType = (JSON.parse(await readFile(meta, 'utf8')) as Meta).contentType;
      } catch {
        // A missing sidecar (file copied in by hand) still serves, just as a generic download.
      }
      return { stream: createReadStream(file), contentType, bytes: info.size };
    },

    async delete(key) {
      const { file, meta } = resolve(key);
      await rm(file, { force: true });
      await rm(meta, { force: true });
    },

    async exists(key) {
      const { file } = resolve(key);
      const info = await stat(file).catch(() => null);
      return info?.isFile() ?? false;
    },
  };
}
