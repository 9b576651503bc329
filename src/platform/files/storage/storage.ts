/**
 * Blob storage strategy. The default writes to local disk; an S3-compatible adapter can implement
 * the same interface for hosted deployments. Keys are the contract, so they are validated here,
 * once, for every adapter.
 */
import { AppError } from '../../../kernel/errors.ts';

export interface FileStorage {
  put(
    key: string,
    data: Buffer | NodeJS.ReadableStream,
    contentType: string,
  ): Promise<{ key: string; bytes: number }>;
  /** Throws AppError NOT_FOUND when the key has no file. */
  get(key: string): Promise<{ stream: NodeJS.ReadableStream; contentType: string; bytes: number }>;
  /** Idempotent: deleting a missing key succeeds, so retried clean-ups never fail. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

// Segments may not start with "." — that rules out "." and ".." and leaves dot-prefixed names
// free for an adapter's own bookkeeping files (temp files, metadata) without collisions.
const segmentPattern = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const maxKeyLength = 512;

/**
 * Accepts relative keys like `shops/<shopId>/images/<id>/thumb.webp`. Rejects traversal,
 * absolute paths, backslashes, NUL and anything outside a portable filename alphabet.
 */
export function assertValidStorageKey(key: string): void {
  const fail = (why: string): never => {
    throw new AppError('VALIDATION_FAILED', `Invalid storage key "${key.replace(/\0/g, '\\0')}": ${why}.`, {
      issues: [{ field: 'key', message: why }],
    });
  };
  if (key.length === 0) fail('key is empty');
  if (key.length > maxKeyLength) fail(`key is longer than ${maxKeyLength} characters`);
  if (key.includes('\0')) fail('key contains a NUL byte');
  if (key.includes('\\')) fail('use "/" as separator, not "\\"');
  if (key.startsWith('/') || /^[A-Za-z]:/.test(key)) fail('key must be relative, not absolute');
  for (const segment of key.split('/')) {
    if (segment === '..' || segment === '.') fail('"." and ".." segments are not allowed');
    if (segment === '') fail('key has an empty path segment');
    if (!segmentPattern.test(segment)) {
      fail(`segment "${segment}" may only use letters, digits, ".", "_" and "-" and not start with "."`);
    }
  }
}
