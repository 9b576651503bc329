import { randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** A random secret as URL-safe text (session ids, API tokens). */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID_RE.test(value);
