/**
 * Small helpers shared by the catalog integration tests (not a test file itself): hand-built
 * multipart bodies for app.inject, and typed shortcuts for the JSON the catalog API returns.
 */
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from '../support/test-app.ts';

/** A multipart/form-data body with one `file` field, built byte by byte. */
export function multipartFile(
  fileName: string,
  data: Buffer | string,
  contentType = 'application/octet-stream',
) {
  const boundary = `----cunkou${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    `Content-Type: ${contentType}\r\n\r\n`;
  const payload = Buffer.concat([
    Buffer.from(head, 'utf8'),
    typeof data === 'string' ? Buffer.from(data, 'utf8') : data,
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** POST one file as multipart through the logged-in client (session cookie + CSRF header). */
export function upload(
  client: Client,
  url: string,
  fileName: string,
  data: Buffer | string,
  contentType?: string,
): Promise<LightMyRequestResponse> {
  const body = multipartFile(fileName, data, contentType);
  return client.request('POST', url, body.payload, body.headers);
}

export interface ApiError {
  error: { code: string; message: string; issues?: { field: string; message: string; row?: number }[] };
}

export const issueFields = (res: LightMyRequestResponse): string[] =>
  ((res.json() as ApiError).error.issues ?? []).map((i) => i.field);

export interface ListItem {
  id: string;
  title: string;
  status: string;
  brand: string | null;
  categoryId: string | null;
  tags: string[];
  skus: string[];
  thumbnailUrl: string | null;
  updatedAt: string;
}

/** Walk every page of a product list; returns the items in the order the pages gave them. */
export async function allPages(client: Client, url: string, limit: number): Promise<ListItem[]> {
  const out: ListItem[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const sep = url.includes('?') ? '&' : '?';
    const res = await client.request(
      'GET',
      `${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    const body = res.json() as { items: ListItem[]; nextCursor: string | null };
    out.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return out;
  }
  throw new Error('pagination did not end');
}
