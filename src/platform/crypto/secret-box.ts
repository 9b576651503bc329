/**
 * Secrets at rest (channel API keys and tokens): AES-256-GCM envelopes with a random 96-bit IV and
 * the 128-bit auth tag, tagged with the id of the key that sealed them so a wrong or rotated key
 * fails with a clear message instead of garbage. Format: `v1.<keyId>.<iv>.<tag>.<ciphertext>`
 * (base64url parts). The key comes from CUNKOU_SECRET_KEY or a key file made once in the data dir.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { appError } from '../../kernel/errors.ts';

export interface SecretKey {
  /** Short fingerprint of the key (not secret): which key sealed a value. */
  id: string;
  bytes: Buffer;
}

const VERSION = 'v1';
const KEY_FILE = 'secret.key';

export function secretKeyFromBase64(text: string): SecretKey {
  const bytes = Buffer.from(text.trim(), 'base64');
  if (bytes.length !== 32) throw appError('VALIDATION_FAILED', 'connectors.secret.badKey');
  return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 12), bytes };
}

/**
 * The configured key (env, base64) or the data dir's key file, created with mode 0600 the first
 * time. Losing the file means re-entering channel credentials; it is never written anywhere else.
 */
export function loadSecretKey(opts: { secretKey: string | undefined; dataDir: string }): SecretKey {
  if (opts.secretKey) return secretKeyFromBase64(opts.secretKey);
  const path = join(opts.dataDir, KEY_FILE);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    try {
      writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      // Another process made it first: use theirs.
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
    }
  }
  chmodSync(path, 0o600);
  return secretKeyFromBase64(readFileSync(path, 'utf8'));
}

export function seal(key: SecretKey, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.bytes, iv);
  // The version and key id are authenticated too: swapping them breaks the tag.
  cipher.setAAD(Buffer.from(`${VERSION}.${key.id}`));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const b = (x: Buffer) => x.toString('base64url');
  return [VERSION, key.id, b(iv), b(cipher.getAuthTag()), b(ct)].join('.');
}

export function open(key: SecretKey, sealed: string): string {
  const [version, keyId, iv, tag, ct] = sealed.split('.');
  if (version !== VERSION || !keyId || !iv || !tag || ct === undefined)
    throw appError('INTERNAL', 'connectors.secret.corrupt');
  if (keyId !== key.id) throw appError('INTERNAL', 'connectors.secret.wrongKey', { keyId, current: key.id });
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`${version}.${keyId}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw appError('INTERNAL', 'connectors.secret.wrongKey', { keyId, current: key.id });
  }
}

/** A purpose-bound HMAC key derived from the secret key (signed OAuth states, never the raw key). */
export const deriveKey = (key: SecretKey, purpose: string): Buffer =>
  createHmac('sha256', key.bytes).update(`cunkou:${purpose}`).digest();
