import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fourPxSign } from './sign.ts';

describe('fourPxSign', () => {
  it('signs sorted name+value pairs, then the body, then the secret', () => {
    const body = '{"ref_no":"SH-1/1"}';
    const params = {
      v: '1.1.0',
      timestamp: '1532592413187',
      method: 'ds.xms.order.create',
      format: 'json' as const,
      app_key: 'k1',
    };
    const expected = createHash('md5')
      .update(`app_keyk1formatjsonmethodds.xms.order.createtimestamp1532592413187v1.1.0${body}s3cret`)
      .digest('hex');
    expect(fourPxSign(params, body, 's3cret')).toBe(expected);
  });

  it('changes when the body changes by one character', () => {
    const p = { app_key: 'k', format: 'json' as const, method: 'm', timestamp: '1', v: '1.0.0' };
    expect(fourPxSign(p, '{"a":1}', 's')).not.toBe(fourPxSign(p, '{"a":2}', 's'));
  });
});
