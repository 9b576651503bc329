/**
 * CN22 or CN23: UPU Convention Regulations — a CN 22 accompanies items whose contents are worth
 * up to 300 SDR, above that a CN 23 is required. Kept as data with its source and dates; the SDR
 * rates are approximate IMF values (units of currency per SDR) and need updating when they move.
 * A currency without a rate gets the CN 23, which is always acceptable.
 */
export const customsFormRule = {
  cn22MaxSdr: 300,
  source:
    'UPU Letter Post Regulations (CN 22 up to 300 SDR, CN 23 above); WCO–UPU Postal Customs Guide 2014, section j',
  validFrom: '2014-06-01',
  validTo: null as string | null,
  sdrRates: {
    source: 'IMF SDR valuation, approximate rates of 2026-11 (currency units per SDR)',
    validFrom: '2026-11-01',
    validTo: '2026-12-31',
    perSdr: {
      USD: 1.36,
      EUR: 1.17,
      GBP: 1.02,
      CNY: 9.7,
      JPY: 205,
      AUD: 2.07,
      CAD: 1.88,
      HKD: 10.6,
      SGD: 1.76,
    } as Record<string, number>,
  },
};

const minorDigits = (currency: string) => (['JPY', 'KRW', 'VND', 'CLP', 'ISK'].includes(currency) ? 0 : 2);

/** The customs form a postal parcel of this value needs. */
export function customsFormFor(valueMinor: number, currency: string): 'cn22' | 'cn23' {
  const rate = customsFormRule.sdrRates.perSdr[currency.toUpperCase()];
  if (!rate) return 'cn23';
  const sdr = valueMinor / 10 ** minorDigits(currency.toUpperCase()) / rate;
  return sdr <= customsFormRule.cn22MaxSdr ? 'cn22' : 'cn23';
}
