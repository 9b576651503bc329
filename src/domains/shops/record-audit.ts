import type { Tx } from '../../platform/db/tenant.ts';

export interface Actor {
  userId: string | null;
  tokenId: string | null;
}

export const systemActor: Actor = { userId: null, tokenId: null };

/** Append one audit entry inside the caller's tenant transaction. */
export async function recordAudit(
  trx: Tx,
  shopId: string,
  actor: Actor,
  entry: { action: string; entityType: string; entityId: string; changes?: unknown },
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      shop_id: shopId,
      actor_user_id: actor.userId,
      actor_token_id: actor.tokenId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      changes: JSON.stringify(entry.changes ?? {}),
    })
    .execute();
}
