/**
 * A random idempotency key for one stock form submission. Not crypto.randomUUID: that exists only
 * in secure contexts, and a seller may open the admin over plain http on the office network.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
