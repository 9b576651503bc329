/**
 * What the public may see of a journey: the timeline without internal ids, with descriptions
 * scrubbed of the personal data carriers sometimes put in them (who signed, phone numbers,
 * e-mail addresses). Destination is city + country only; street-level `location` is never shown.
 */
import type { JourneyTimeline } from '../journeys/timeline.ts';

const SIGNER =
  /((?:signed (?:for )?by|received by|delivered to|left with|签收人|收件人|代收人)\s*[:：]?\s*)([^,.;，。；()（）]{1,60})/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
// Phone numbers: a + or a run of 8+ digits with spaces/dashes, not part of a longer token.
const PHONE = /(?<![\w-])\+?\d[\d -]{7,}\d(?![\w-])/g;

export function scrubDescription(text: string, keep: readonly string[] = []): string {
  const withoutPeople = text.replace(SIGNER, (_m, label: string) => `${label}***`).replace(EMAIL, '***');
  // Tracking numbers of the journey itself are digits too: they stay.
  return withoutPeople.replace(PHONE, (m) => (keep.includes(m.replace(/[\s-]/g, '')) ? m : '***'));
}

export type PublicTimeline = Omit<JourneyTimeline, 'journeyId'>;

export function publicTimeline(t: JourneyTimeline): PublicTimeline {
  const { journeyId: _internal, ...rest } = t;
  const numbers = t.legs.map((l) => l.trackingNumber);
  return {
    ...rest,
    events: t.events.map((e) => ({ ...e, description: scrubDescription(e.description, numbers) })),
  };
}
