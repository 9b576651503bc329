import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { appError, issue } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';

/** Stream the multipart field `file` to a temp file (never whole into memory). */
export async function saveUpload(
  request: FastifyRequest,
  tmpDir: string,
): Promise<{ tempPath: string; fileName: string }> {
  const part = await request.file();
  if (!part)
    throw appError('VALIDATION_FAILED', 'upload.chooseFile', undefined, {
      issues: [issue('file', 'common.required')],
    });
  await mkdir(tmpDir, { recursive: true });
  const tempPath = join(tmpDir, `${newId()}.upload`);
  await pipeline(part.file, createWriteStream(tempPath));
  if (part.file.truncated) throw appError('FILE_TOO_LARGE', 'upload.tooLarge', { fileName: part.filename });
  return { tempPath, fileName: part.filename || 'upload' };
}

/** Multipart upload into memory, for small files (images ≤ 10 MB). */
export async function readUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ data: Buffer; fileName: string }> {
  const part = await request.file({ limits: { fileSize: maxBytes } });
  if (!part)
    throw appError('VALIDATION_FAILED', 'upload.chooseFile', undefined, {
      issues: [issue('file', 'common.required')],
    });
  const data = await part.toBuffer().catch((e: { code?: string }) => {
    if (e.code === 'FST_REQ_FILE_TOO_LARGE')
      throw appError('FILE_TOO_LARGE', 'upload.tooLargeMb', {
        fileName: part.filename,
        mb: Math.round(maxBytes / 1048576),
      });
    throw e;
  });
  return { data, fileName: part.filename };
}
