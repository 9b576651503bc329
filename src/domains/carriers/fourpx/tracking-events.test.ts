import { describe, expect, it } from 'vitest';
import { parseChinaTime } from '../carrier-values.ts';
import { fourPxEvents } from './tracking-events.ts';

describe('4PX tracking events', () => {
  it('reads 4PX local times as China time (UTC+8)', () => {
    expect(parseChinaTime('2026-11-20 14:03:00')?.toISOString()).toBe('2026-11-20T06:03:00.000Z');
  });

  it('maps rows and skips rows without a time', () => {
    const events = fourPxEvents('4PX3000000001CN', {
      trackingList: [
        {
          businessLinkCode: 'FPX_C_AAF',
          occurDatetime: '2026-11-20 09:00:00',
          trackingContent: 'Parcel picked up',
          occurLocation: 'Shenzhen',
        },
        { businessLinkCode: 'X', trackingContent: 'no time' },
      ],
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      carrier: '4px',
      rawStatus: 'FPX_C_AAF',
      location: 'Shenzhen',
      source: 'api',
    });
  });
});
