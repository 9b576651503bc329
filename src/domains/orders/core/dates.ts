/**
 * Marketplace-local date-times → instants. Amazon writes ISO 8601 with an offset
 * (2026-11-20T08:15:30+00:00); Shopee and TikTok write wall-clock time in the account's country
 * ("2026-11-20 08:15", pt-BR "20/11/2026 08:15", US "11/20/2026 08:15:30 AM"). Without an
 * offset the time is read in the account's time zone (IANA, via Intl — no tz library).
 */

export interface DateStyle {
  /** IANA zone for times written without an offset. */
  timeZone: string;
  /** "20/11/2026" (day first: BR, MX, EU, SEA) versus "11/20/2026" (US). */
  dayFirst: boolean;
}

const ISO_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const DMY =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;

/** The formats we accept, for error messages. */
export const expectedDateFormats = '2026-11-20T08:15:30+00:00, 2026-11-20 08:15, 20/11/2026 08:15';

export function parseMarketDate(text: string, style: DateStyle): Date | null {
  const s = text.trim();
  if (!s) return null;
  if (ISO_OFFSET.test(s)) {
    const d = new Date(s.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Number.isNaN(d.getTime()) ? null : d;
  }
  let y: number;
  let mo: number;
  let d: number;
  let h = 0;
  let mi = 0;
  let se = 0;
  const ymd = YMD.exec(s);
  const dmy = ymd ? null : DMY.exec(s);
  if (ymd) {
    [y, mo, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    [h, mi, se] = [Number(ymd[4] ?? 0), Number(ymd[5] ?? 0), Number(ymd[6] ?? 0)];
  } else if (dmy) {
    const a = Number(dmy[1]);
    const b = Number(dmy[2]);
    // A first number above 12 can only be a day, whatever the country says.
    const dayFirst = a > 12 ? true : b > 12 ? false : style.dayFirst;
    [d, mo] = dayFirst ? [a, b] : [b, a];
    y = Number(dmy[3]);
    [h, mi, se] = [Number(dmy[4] ?? 0), Number(dmy[5] ?? 0), Number(dmy[6] ?? 0)];
    const ampm = dmy[7]?.toLowerCase();
    if (ampm) {
      if (h < 1 || h > 12) return null;
      h = (h % 12) + (ampm === 'p' ? 12 : 0);
    }
  } else return null;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, se);
  const check = new Date(wall);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null; // 31/02
  return new Date(wall - zoneOffsetMs(style.timeZone, wall));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at (about) the wall-clock time `wallMs`, in ms. */
function zoneOffsetMs(timeZone: string, wallMs: number): number {
  if (timeZone === 'UTC') return 0;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const at = (ms: number) => {
    const p = Object.fromEntries(f!.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!) - ms;
  };
  // Two passes settle the offset across a daylight-saving change.
  const first = at(wallMs);
  return at(wallMs - first);
}

// Where a channel account sells decides the zone of zone-less times and the date order.
const zones: Record<string, [string, boolean]> = {
  US: ['America/Los_Angeles', false],
  CA: ['America/Toronto', false],
  MX: ['America/Mexico_City', true],
  BR: ['America/Sao_Paulo', true],
  CL: ['America/Santiago', true],
  CO: ['America/Bogota', true],
  AR: ['America/Argentina/Buenos_Aires', true],
  GB: ['Europe/London', true],
  DE: ['Europe/Berlin', true],
  FR: ['Europe/Paris', true],
  IT: ['Europe/Rome', true],
  ES: ['Europe/Madrid', true],
  NL: ['Europe/Amsterdam', true],
  PL: ['Europe/Warsaw', true],
  SE: ['Europe/Stockholm', true],
  JP: ['Asia/Tokyo', false],
  CN: ['Asia/Shanghai', false],
  TW: ['Asia/Taipei', false],
  SG: ['Asia/Singapore', true],
  MY: ['Asia/Kuala_Lumpur', true],
  TH: ['Asia/Bangkok', true],
  VN: ['Asia/Ho_Chi_Minh', true],
  PH: ['Asia/Manila', false],
  ID: ['Asia/Jakarta', true],
  AE: ['Asia/Dubai', true],
  SA: ['Asia/Riyadh', true],
  AU: ['Australia/Sydney', true],
};

/** Date style for an account's marketplace country (UTC, day first when unknown). */
export const dateStyleFor = (country: string | null | undefined): DateStyle => {
  const z = country ? zones[country.toUpperCase()] : undefined;
  return z ? { timeZone: z[0], dayFirst: z[1] } : { timeZone: 'UTC', dayFirst: true };
};
