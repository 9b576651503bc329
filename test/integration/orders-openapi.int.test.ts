import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';

const skip = await skipEngine();

describe.skipIf(skip)('orders: OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('documents every orders route from its Zod schemas', () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    for (const path of [
      '/orders',
      '/orders/{id}',
      '/orders/{id}/status',
      '/orders/bulk',
      '/order-imports',
      '/channel-accounts',
      '/channel-accounts/{id}',
      '/sku-mappings',
      '/sku-mappings/queue',
      '/order-import-mappings',
    ])
      expect(Object.keys(doc.paths)).toContain(`/api/shops/{shop}${path}`);
  });
});
