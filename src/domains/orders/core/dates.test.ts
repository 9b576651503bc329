import { describe, expect, it } from 'vitest';
import { dateStyleFor, parseMarketDate } from './dates.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('parseMarketDate', () => {
  it.each([
    ['2026-11-20T08:15:30+00:00', 'US', '2026-11-20T08:15:30.000Z'],
    ['2026-11-20T08:15:30-08:00', 'US', '2026-11-20T16:15:30.000Z'],
    ['2026-11-20T08:15:30Z', 'US', '2026-11-20T08:15:30.000Z'],
    ['2026-11-20 08:15', 'SG', '2026-11-20T00:15:00.000Z'],
    ['2026-11-20 08:15', 'BR', '2026-11-20T11:15:00.000Z'],
    ['20/11/2026 08:15', 'BR', '2026-11-20T11:15:00.000Z'],
    ['11/20/2026 08:15:30 AM', 'US', '2026-11-20T16:15:30.000Z'],
    ['11/20/2026 8:15:30 PM', 'US', '2026-11-21T04:15:30.000Z'],
    ['05/03/2026 10:00', 'BR', '2026-03-05T13:00:00.000Z'],
    ['05/03/2026 10:00', 'US', '2026-05-03T17:00:00.000Z'],
    ['2026-07-01 12:00', 'US', '2026-07-01T19:00:00.000Z'],
    ['2026-11-20', 'JP', '2026-11-19T15:00:00.000Z'],
  ])('%s in %s → %s', (text, country, expected) => {
    expect(iso(parseMarketDate(text, dateStyleFor(country)))).toBe(expected);
  });

  it.each(['', 'yesterday', '2026-13-01', '31/02/2026 10:00', '2026-11-20 25:00', '13/13/2026'])(
    'rejects %j',
    (text) => {
      expect(parseMarketDate(text, dateStyleFor('BR'))).toBeNull();
    },
  );
});
