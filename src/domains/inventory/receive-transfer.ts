import { appError, issue, issueList } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { postMovement } from './post-movement.ts';
import type { TransferLine } from './tables.ts';
import { type Transfer, transferView } from './transfer-view.ts';

export interface ReceiveTransferInput {
  /** Counted at the destination per variant; variants not listed arrived in full. */
  lines?: { variantId: string; received: number }[] | undefined;
  /** When it happened, if not now (back-dated entry). */
  at?: Date | string | undefined;
}

/**
 * The transfer arrives: in transit goes down by what was shipped, on hand up by what was counted
 * ('transfer_in'). A shortfall (lost or damaged on the way) is recorded on the transfer's lines
 * and in the movement's reason.
 */
export async function receiveTransfer(
  trx: Tx,
  shopId: string,
  actor: Actor,
  id: string,
  input: ReceiveTransferInput = {},
): Promise<Transfer> {
  // FOR UPDATE: two people receiving the same container at once must not book it twice.
  const t = await trx
    .selectFrom('transfers')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!t) throw appError('NOT_FOUND', 'transfer.notFound');
  if (t.status === 'received') {
    throw appError('CONFLICT', 'transfer.alreadyReceived', {
      date: t.received_at!.toISOString().slice(0, 10),
    });
  }
  const counted = new Map((input.lines ?? []).map((l) => [l.variantId, l.received]));
  const issues = [];
  for (const [i, l] of (input.lines ?? []).entries()) {
    const shipped = t.lines.find((x) => x.variantId === l.variantId)?.quantity;
    if (shipped === undefined) issues.push(issue(`lines.${i}.variantId`, 'transfer.notInTransfer'));
    else if (l.received > shipped) {
      issues.push(issue(`lines.${i}.received`, 'transfer.overReceived', { received: l.received, shipped }));
    }
  }
  if (issues.length)
    throw appError('VALIDATION_FAILED', 'common.pleaseCorrect', { list: issueList(issues) }, { issues });
  const lines: TransferLine[] = [];
  for (const l of t.lines) {
    const received = counted.get(l.variantId) ?? l.quantity;
    const shortfall = l.quantity - received;
    await postMovement(trx, shopId, actor, {
      variantId: l.variantId,
      warehouseId: t.to_warehouse_id,
      kind: 'transfer_in',
      inTransit: -l.quantity,
      onHand: received,
      refType: 'transfer',
      refId: id,
      reason: shortfall ? `shortfall ${shortfall} of ${l.quantity}` : null,
      at: input.at,
    });
    lines.push({ variantId: l.variantId, quantity: l.quantity, received, shortfall });
  }
  const row = await trx
    .updateTable('transfers')
    .set({ status: 'received', received_at: new Date(input.at ?? Date.now()), lines: JSON.stringify(lines) })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, shopId, actor, {
    action: 'transfer.received',
    entityType: 'transfer',
    entityId: id,
    changes: { shortfall: lines.filter((l) => l.shortfall).map((l) => [l.variantId, l.shortfall]) },
  });
  return transferView(row);
}
