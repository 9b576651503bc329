import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecretKey, open, seal, secretKeyFromBase64 } from './secret-box.ts';

const keyA = secretKeyFromBase64(randomBytes(32).toString('base64'));
const keyB = secretKeyFromBase64(randomBytes(32).toString('base64'));

describe('secret box', () => {
  it('round-trips and never contains the plaintext', () => {
    const sealed = seal(keyA, 'partner-key-123456');
    expect(sealed).not.toContain('partner-key');
    expect(sealed.startsWith(`v1.${keyA.id}.`)).toBe(true);
    expect(open(keyA, sealed)).toBe('partner-key-123456');
    expect(seal(keyA, 'x')).not.toBe(seal(keyA, 'x')); // random IV
  });

  it('fails clearly with the wrong key or a tampered value', () => {
    const sealed = seal(keyA, 'secret');
    expect(() => open(keyB, sealed)).toThrow(/different key/);
    const forged = sealed.split('.');
    forged[1] = keyB.id;
    expect(() => open(keyB, forged.join('.'))).toThrow(/different key/);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => open(keyA, parts.join('.'))).toThrow();
  });

  it('rejects keys that are not 32 bytes', () => {
    expect(() => secretKeyFromBase64(randomBytes(16).toString('base64'))).toThrow(/32 random bytes/);
  });

  it('makes a 0600 key file once and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cunkou-key-'));
    const a = loadSecretKey({ secretKey: undefined, dataDir: dir });
    const b = loadSecretKey({ secretKey: undefined, dataDir: dir });
    expect(a.id).toBe(b.id);
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(join(dir, 'secret.key'), 'utf8').trim(), 'base64')).toHaveLength(32);
  });
});
