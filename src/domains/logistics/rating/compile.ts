import type { CardData, CardSettings, CompiledCard } from './types.ts';

export interface StoredCard {
  id: string;
  version: number;
  currency: string;
  validFrom: Date;
  validTo: Date | null;
  settings: CardSettings;
  data: CardData;
}

/** Index a stored card once (country → zones, zone → brackets) so each parcel costs a few lookups. */
export function compileCard(card: StoredCard): CompiledCard {
  return {
    cardId: card.id,
    currency: card.currency,
    validFrom: card.validFrom,
    validTo: card.validTo,
    version: card.version,
    settings: card.settings,
    countries: new Map(Object.entries(card.data.countries)),
    zones: new Map(Object.entries(card.data.zones)),
    remote: new Map(Object.entries(card.data.remote)),
  };
}

/** The card valid at `at`: the highest version whose [validFrom, validTo) contains it. */
export function cardAt<T extends { version: number; validFrom: Date; validTo: Date | null }>(
  cards: T[],
  at: Date,
): T | undefined {
  let best: T | undefined;
  const t = at.getTime();
  for (const c of cards) {
    if (c.validFrom.getTime() > t) continue;
    if (c.validTo && c.validTo.getTime() <= t) continue;
    if (!best || c.version > best.version) best = c;
  }
  return best;
}
