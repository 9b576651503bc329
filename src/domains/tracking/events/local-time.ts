/**
 * Event times in seller files: ISO 8601 with an offset is taken as is; a wall-clock time without
 * one ("2026-11-02 14:05", "2026/11/02 14:05:09") is read in the row's time zone (an IANA name like
 * Europe/Berlin, or an offset like +08:00 / UTC+8), else in the file's default, Asia/Shanghai —
 * the zone Chinese forwarders print their times in.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const WALL = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const OFFSET = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/** Minutes east of UTC for a fixed offset string, or undefined. */
function fixedOffset(zone: string): number | undefined {
  const z = zone.trim();
  if (/^(UTC|GMT|Z)$/i.test(z)) return 0;
  const m = OFFSET.exec(z);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset (minutes east of UTC) of an IANA zone at an instant. */
function zoneOffset(zone: string, instant: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return Math.round((asUtc - instant) / 60000);
}

export function isValidTimeZone(zone: string): boolean {
  if (fixedOffset(zone) !== undefined) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone.trim() });
    return true;
  } catch {
    return false;
  }
}

/** Parses an event time; undefined when it is not a date-time we can read without guessing. */
export function parseEventTime(text: string, zone: string = DEFAULT_TIME_ZONE): Date | undefined {
  const t = text.trim();
  if (WITH_OFFSET.test(t)) {
    const d = new Date(t);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const m = WALL.exec(t);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(
    Number,
  ) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || s! > 59) return undefined;
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  if (new Date(wall).getUTCDate() !== d) return undefined; // 31 February
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) return new Date(wall - fixed * 60000);
  if (!isValidTimeZone(zone)) return undefined;
  // Two passes settle the offset across a daylight-saving change.
  let guess = wall - zoneOffset(zone, wall) * 60000;
  guess = wall - zoneOffset(zone, guess) * 60000;
  return new Date(guess);
}
