import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { appError, issue } from '../../../kernel/errors.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../../shops/index.ts';
import { exceptionView } from './exception-view.ts';
import { journeyException } from './exceptions-query.ts';

export const exceptionActionSchema = z.object({
  action: z.enum(['acknowledge', 'resolve', 'snooze']),
  note: z.string().trim().max(2000).optional(),
  /** Required for snooze: the exception stays out of the worklist until then. */
  snoozeUntil: z.coerce.date().optional(),
});
export type ExceptionActionInput = z.infer<typeof exceptionActionSchema>;

export const actorLabel = (a: Actor) =>
  a.userId ? `user:${a.userId}` : a.tokenId ? `token:${a.tokenId}` : null;

/**
 * Acknowledge, resolve or snooze a journey's current exception. The action is tied to the kind of
 * exception it was taken on; any event received later reopens it (see exceptions-query.ts).
 */
export async function actOnException(
  trx: Tx,
  shopId: string,
  actor: Actor,
  journeyId: string,
  input: ExceptionActionInput,
  now = new Date(),
) {
  if (input.action === 'snooze' && (!input.snoozeUntil || input.snoozeUntil <= now)) {
    throw appError('VALIDATION_FAILED', 'trackingInsights.snoozeUntil', undefined, {
      issues: [issue('snoozeUntil', 'trackingInsights.snoozeUntilIssue')],
    });
  }
  if (input.action === 'resolve' && !input.note) {
    throw appError('VALIDATION_FAILED', 'trackingInsights.resolveNote', undefined, {
      issues: [issue('note', 'trackingInsights.resolveNoteIssue')],
    });
  }
  const current = await journeyException(trx, shopId, journeyId, now);
  if (!current) {
    const exists =
      await sql`SELECT 1 FROM tracking_journeys WHERE shop_id = ${shopId} AND id = ${journeyId}`.execute(trx);
    if (exists.rows.length === 0) throw appError('NOT_FOUND', 'trackingInsights.journeyNotFound');
    throw appError('CONFLICT', 'trackingInsights.noException');
  }
  const id = randomUUID();
  await trx
    .insertInto('tracking_exception_actions')
    .values({
      shop_id: shopId,
      id,
      journey_id: journeyId,
      kind: current.kind,
      action: input.action,
      note: input.note ?? null,
      snooze_until: input.action === 'snooze' ? (input.snoozeUntil ?? null) : null,
      actor: actorLabel(actor),
    })
    .execute();
  await recordAudit(trx, shopId, actor, {
    action: `tracking_exception.${input.action}`,
    entityType: 'tracking_journey',
    entityId: journeyId,
    changes: {
      kind: current.kind,
      note: input.note ?? null,
      snoozeUntil: input.snoozeUntil ?? null,
      actionId: id,
    },
  });
  const after = await journeyException(trx, shopId, journeyId, now);
  return exceptionView(after ?? current);
}
