import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldIssue } from '../../kernel/errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; issues: FieldIssue[]; details?: Record<string, unknown> };
}

/** The one place errors become HTTP responses. Unknown errors never leak internals. */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.status(error.status).send(toBody(error));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      field: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)]
        .filter((p) => p && p !== 'body')
        .join('.'),
      message: v.message ?? 'invalid',
    }));
    const list = issues.map((i) => `${i.field || 'request'}: ${i.message}`).join('; ');
    return reply
      .status(400)
      .send(toBody(new AppError('VALIDATION_FAILED', `Please correct: ${list}`, { issues })));
  }
  const fe = error as FastifyError;
  if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply
      .status(413)
      .send(toBody(new AppError('FILE_TOO_LARGE', 'The upload is larger than allowed.')));
  }
  if (fe.statusCode === 429) {
    return reply
      .status(429)
      .send(toBody(new AppError('RATE_LIMITED', 'Too many requests. Wait a minute and try again.')));
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.status(fe.statusCode).send(toBody(new AppError('VALIDATION_FAILED', fe.message)));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply
    .status(500)
    .send(
      toBody(new AppError('INTERNAL', 'Something went wrong on the server. Nothing was saved; try again.')),
    );
}

export function toBody(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      issues: error.issues,
      ...(error.details ? { details: error.details } : {}),
    },
  };
}
