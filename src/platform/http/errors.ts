import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, appError, type FieldIssue, issueList, localizeError } from '../../kernel/errors.ts';
import { formatMessage, keyOfEnglish, type Locale } from '../../kernel/i18n/index.ts';
import { requestLocale } from './locale.ts';

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    /** Catalog id of the message, when it has one: stable across languages. */
    messageKey?: string;
    issues: FieldIssue[];
    details?: Record<string, unknown>;
  };
}

/** The one place errors become HTTP responses, in the caller's language. Unknown errors never leak internals. */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(request);
  if (error instanceof AppError) {
    return reply.status(error.status).send(toBody(error, locale));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    // Rendered here, where the reader is known: Zod issues carry no catalog key of their own.
    const issues = error.validation.map((v) => ({
      field: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)]
        .filter((p) => p && p !== 'body')
        .join('.'),
      message: zodIssueMessage(v, locale),
    }));
    const list = issueList(issues.map((i) => (i.field ? i : { ...i, field: 'request' })));
    return reply
      .status(400)
      .send(toBody(appError('VALIDATION_FAILED', 'common.pleaseCorrect', { list }, { issues }), locale));
  }
  if (error instanceof z.ZodError) {
    // A schema applied inside a handler (multipart form fields, for example): same answer as
    // route validation, so a malformed request is a 400 that names the field, never a 500.
    const issues = error.issues.map((i) => ({
      field: i.path.map(String).join('.') || 'request',
      message: zodIssueMessage(
        {
          keyword: i.code,
          instancePath: `/${i.path.join('/')}`,
          message: i.message,
          params: { ...i },
        } as never,
        locale,
      ),
    }));
    return reply
      .status(400)
      .send(
        toBody(
          appError('VALIDATION_FAILED', 'common.pleaseCorrect', { list: issueList(issues) }, { issues }),
          locale,
        ),
      );
  }
  const fe = error as FastifyError;
  if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.status(413).send(toBody(appError('FILE_TOO_LARGE', 'http.uploadTooLarge'), locale));
  }
  if (fe.statusCode === 429) {
    return reply.status(429).send(toBody(appError('RATE_LIMITED', 'http.rateLimited'), locale));
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.status(fe.statusCode).send(toBody(new AppError('VALIDATION_FAILED', fe.message), locale));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(toBody(appError('INTERNAL', 'http.internal'), locale));
}

type ZodValidationIssue = { keyword: string; message?: string; params?: Record<string, unknown> };

// Zod's own translations, for issues whose message is Zod's default rather than ours.
const zodChinese = z.locales.zhCN().localeError;

/**
 * A Zod issue's message in `locale`: our own schema texts are catalog messages (found by their
 * English text); Zod's defaults are re-rendered by Zod's zh-CN locale.
 */
function zodIssueMessage(v: ZodValidationIssue, locale: Locale): string {
  const english = v.message ?? 'invalid';
  if (locale === 'en') return english;
  const own = keyOfEnglish(english);
  if (own) return formatMessage(locale, own);
  if (v.keyword === 'invalid_type') {
    // The raw input is not kept on the issue; Zod's English text says what was received.
    if (/received undefined$/.test(english)) return formatMessage(locale, 'common.required');
    const expected = String(v.params?.expected ?? '');
    return formatMessage(locale, 'common.wrongType', { expected: zhTypeNames[expected] ?? expected });
  }
  try {
    const text = zodChinese({ code: v.keyword, ...v.params } as never);
    return (typeof text === 'string' ? text : text?.message) ?? english;
  } catch {
    return english;
  }
}

const zhTypeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '是/否',
  object: '对象',
  array: '列表',
  int: '整数',
};

export function toBody(error: AppError, locale: Locale = 'en'): ErrorBody {
  const { message, issues } = localizeError(locale, error);
  return {
    error: {
      code: error.code,
      message,
      ...(error.key ? { messageKey: error.key } : {}),
      issues,
      ...(error.details ? { details: error.details } : {}),
    },
  };
}
