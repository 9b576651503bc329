import type { OrderStatus } from '../tables.ts';

/**
 * The order state machine. People move an order one step at a time (`canTransition`); channel
 * files may skip steps the seller never saw (paid → delivered), so imports accept any status
 * reachable forward (`canAdvance`) — and an older file can never move an order back.
 */
const next: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['paid', 'cancelled'],
  paid: ['ready_to_ship', 'partially_shipped', 'shipped', 'cancelled', 'refunded'],
  ready_to_ship: ['paid', 'partially_shipped', 'shipped', 'cancelled'],
  partially_shipped: ['shipped', 'delivered', 'cancelled'],
  shipped: ['delivered', 'completed', 'return_requested'],
  delivered: ['completed', 'return_requested'],
  completed: ['return_requested'],
  return_requested: ['returned', 'refunded', 'completed'],
  returned: ['refunded'],
  cancelled: ['refunded'],
  refunded: [],
};

export const allowedTransitions = (from: OrderStatus): readonly OrderStatus[] => next[from];

/** One manual step: what the status buttons in the admin offer. */
export const canTransition = (from: OrderStatus, to: OrderStatus): boolean => next[from].includes(to);

// Transitive closure without the backward edges (ready_to_ship → paid is an "undo" for people,
// return_requested → completed a withdrawn return): a file must never use them.
const backward = new Set(['ready_to_ship>paid', 'return_requested>completed']);
const reachable = new Map<OrderStatus, Set<OrderStatus>>();
for (const from of Object.keys(next) as OrderStatus[]) {
  const seen = new Set<OrderStatus>();
  const stack = [from];
  while (stack.length) {
    const s = stack.pop()!;
    for (const t of next[s]) {
      if (backward.has(`${s}>${t}`) || seen.has(t)) continue;
      seen.add(t);
      stack.push(t);
    }
  }
  reachable.set(from, seen);
}

/** Whether a channel file saying `to` may move an order that is `from` (forward only). */
export const canAdvance = (from: OrderStatus, to: OrderStatus): boolean =>
  from !== to && reachable.get(from)!.has(to);

/**
 * The status an import should store: the file's status when it is a forward move and the file is
 * not older than what we already applied (channel last-updated timestamps), else the current one.
 */
export function importedStatus(
  current: OrderStatus,
  incoming: OrderStatus,
  currentUpdatedAt: Date | null,
  incomingUpdatedAt: Date | null,
): OrderStatus {
  if (currentUpdatedAt && incomingUpdatedAt && incomingUpdatedAt < currentUpdatedAt) return current;
  return canAdvance(current, incoming) ? incoming : current;
}
