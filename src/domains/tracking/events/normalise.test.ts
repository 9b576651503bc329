import { describe, expect, it } from 'vitest';
import { parseEventTime } from './local-time.ts';
import { normaliseEvent } from './normalise.ts';

describe('normaliseEvent', () => {
  it.each([
    // 17TRACK sub-statuses and main statuses
    [
      { rawStatus: 'InTransit_CustomsProcessing', description: 'Customs' },
      'InTransit',
      null,
      'import_customs',
    ],
    [
      { rawStatus: 'InTransit_CustomsReleased', description: 'Released' },
      'InTransit',
      null,
      'import_customs',
    ],
    [{ rawStatus: 'DeliveryFailure', description: 'Nobody home' }, 'AttemptFail', null, null],
    [
      { rawStatus: 'Exception_Returning', description: 'Back to sender' },
      'Exception',
      'returned_to_sender',
      null,
    ],
    [{ rawStatus: 'Exception_Returned', description: '' }, 'Exception', 'returned_to_sender', null],
    [{ rawStatus: 'Delivered', description: 'x' }, 'Delivered', null, 'delivered'],
    [{ rawStatus: 'Expired', description: 'x' }, 'Expired', null, null],
    // AfterShip tags
    [{ rawStatus: 'OutForDelivery', description: 'x' }, 'OutForDelivery', null, 'handed_to_last_mile'],
    [{ rawStatus: 'Exception_004', description: 'x' }, 'Exception', 'returned_to_sender', null],
    // Chinese forwarders' words
    [{ rawStatus: '已揽收', description: '深圳仓' }, 'InTransit', null, 'picked_up'],
    [{ rawStatus: '清关中', description: '' }, 'InTransit', null, 'import_customs'],
    [{ rawStatus: '已出口', description: '' }, 'InTransit', null, 'export_customs_cleared'],
    [{ rawStatus: '航班已起飞', description: '' }, 'InTransit', null, 'departed_origin'],
    [{ rawStatus: '到达目的国', description: '' }, 'InTransit', null, 'arrived_destination'],
    [{ rawStatus: '派送中', description: '' }, 'OutForDelivery', null, 'handed_to_last_mile'],
    [{ rawStatus: '已签收', description: '' }, 'Delivered', null, 'delivered'],
    // Keywords in descriptions
    [{ description: 'Held by customs, documents required' }, 'Exception', 'customs_hold', 'import_customs'],
    [{ description: 'Departed from facility SHENZHEN' }, 'InTransit', null, 'departed_origin'],
    [{ description: 'Arrived at destination country hub' }, 'InTransit', null, 'arrived_destination'],
    [{ description: 'Delivery attempted - no access to delivery location' }, 'AttemptFail', null, null],
    [{ description: 'Item not delivered: addressee absent' }, 'AttemptFail', null, null],
    [{ description: 'Delivered, Front Door/Porch' }, 'Delivered', null, 'delivered'],
    [{ description: 'Almost there: sorting' }, 'InTransit', null, null],
    [{ description: 'Zugestellt' }, 'Delivered', null, 'delivered'],
    // An explicit status wins; agreeing keywords fill the milestone
    [{ status: 'InTransit' as const, description: 'Flight departed' }, 'InTransit', null, 'departed_origin'],
    [
      { status: 'Exception' as const, description: 'Returned to sender' },
      'Exception',
      'returned_to_sender',
      null,
    ],
  ])('%j → %s / %s / %s', (input, status, subStatus, milestone) => {
    const n = normaliseEvent(input);
    expect([n.status, n.subStatus, n.milestone]).toEqual([status, subStatus, milestone]);
  });
});

describe('parseEventTime', () => {
  it('uses an explicit offset as is', () => {
    expect(parseEventTime('2026-11-02T10:00:00+08:00')?.toISOString()).toBe('2026-11-02T02:00:00.000Z');
    expect(parseEventTime('2026-11-02T10:00:00Z')?.toISOString()).toBe('2026-11-02T10:00:00.000Z');
  });
  it('reads wall-clock times in Asia/Shanghai by default, or the given zone (DST aware)', () => {
    expect(parseEventTime('2026-11-02 10:00')?.toISOString()).toBe('2026-11-02T02:00:00.000Z');
    expect(parseEventTime('2026/11/02 10:00:30', '+05:30')?.toISOString()).toBe('2026-11-02T04:30:30.000Z');
    expect(parseEventTime('2026-07-01 12:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-07-01T10:00:00.000Z',
    );
    expect(parseEventTime('2026-12-01 12:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-12-01T11:00:00.000Z',
    );
    expect(parseEventTime('2026-12-01 12:00', 'UTC-5')?.toISOString()).toBe('2026-12-01T17:00:00.000Z');
  });
  it.each(['yesterday', '2026-02-31 10:00', '2026-13-01', '02/11/2026 10:00', ''])('refuses %j', (t) => {
    expect(parseEventTime(t)).toBeUndefined();
  });
  it('refuses an unknown zone', () => {
    expect(parseEventTime('2026-11-02 10:00', 'Mars/Base')).toBeUndefined();
  });
});
