/**
 * Phone numbers → E.164 with the ship country's calling code. Marketplaces hand over anything
 * from "+1 415-555-0100" to "(11) 98765-4321"; carriers want E.164. When unsure we return null
 * and the caller keeps the raw text, so no digit is ever lost.
 */
/** Calling codes by ISO country; the admin's order form shows the same table as a hint. */
export const callingCodes: Readonly<Record<string, string>> = {
  US: '1',
  CA: '1',
  MX: '52',
  BR: '55',
  CL: '56',
  CO: '57',
  AR: '54',
  PE: '51',
  GB: '44',
  IE: '353',
  DE: '49',
  FR: '33',
  IT: '39',
  ES: '34',
  PT: '351',
  NL: '31',
  BE: '32',
  PL: '48',
  SE: '46',
  AT: '43',
  CH: '41',
  CZ: '420',
  RU: '7',
  CN: '86',
  HK: '852',
  TW: '886',
  JP: '81',
  KR: '82',
  SG: '65',
  MY: '60',
  TH: '66',
  VN: '84',
  PH: '63',
  ID: '62',
  IN: '91',
  AU: '61',
  NZ: '64',
  AE: '971',
  SA: '966',
  TR: '90',
  IL: '972',
  EG: '20',
  ZA: '27',
  NG: '234',
  KE: '254',
  MA: '212',
};
// Italy keeps the leading 0 of landlines after the country code; elsewhere it is a trunk prefix.
const keepsTrunkZero = new Set(['IT']);

export function toE164(raw: string, country: string | null | undefined): string | null {
  const text = raw.trim();
  if (!text) return null;
  if (/[a-z]{2,}/i.test(text.replace(/ext\.?\s*\d+$/i, ''))) return null;
  const digits = text.replace(/ext\.?\s*\d+$/i, '').replace(/\D/g, '');
  let e164: string;
  if (text.startsWith('+')) e164 = digits;
  else if (digits.startsWith('00')) e164 = digits.slice(2);
  else {
    const cc = country ? callingCodes[country.toUpperCase()] : undefined;
    if (!cc) return null;
    if (cc === '1' && digits.length === 11 && digits.startsWith('1')) e164 = digits;
    else if (digits.startsWith(cc) && digits.length >= cc.length + 9) e164 = digits;
    else {
      const national = keepsTrunkZero.has(country!.toUpperCase()) ? digits : digits.replace(/^0/, '');
      e164 = cc + national;
    }
    if (cc === '1' && e164.length !== 11) return null;
  }
  return e164.length >= 8 && e164.length <= 15 && !e164.startsWith('0') ? `+${e164}` : null;
}
