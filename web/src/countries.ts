/** ISO 3166-1 alpha-2 codes; names come from the browser (Intl.DisplayNames) in the UI language. */
const CODES =
  'CN HK MO TW US GB DE FR IT ES NL BE PL SE JP KR SG MY TH VN ID PH IN PK BD AE SA TR IL BR MX CL AR CO PE CA AU NZ ZA NG KE EG ' +
  'AD AF AG AI AL AM AO AT AW AZ BA BB BF BG BH BI BJ BM BN BO BS BT BW BY BZ CD CF CG CH CI CM CR CU CV CY CZ DJ DK DM DO DZ EC ' +
  'EE ER ET FI FJ FO GA GD GE GH GI GL GM GN GQ GR GT GW GY HN HR HT HU IE IQ IR IS JM JO KG KH KI KM KN KW KY KZ LA LB LC LI LK ' +
  'LR LS LT LU LV LY MA MC MD ME MG MK ML MM MN MR MT MU MV MW MZ NA NE NI NO NP OM PA PG PR PS PT PY QA RO RS RU RW SB SC SD SI ' +
  'SK SL SM SN SO SR SS SV SY SZ TD TG TJ TL TM TN TO TT TZ UA UG UY UZ VC VE WS YE ZM ZW';

export const COUNTRY_CODES: string[] = CODES.split(' ');

export function countryOptions(language: string): { value: string; label: string }[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([language === 'en' ? 'en' : 'zh-CN'], { type: 'region' });
  } catch {
    names = null;
  }
  return COUNTRY_CODES.map((code) => ({ value: code, label: `${names?.of(code) ?? code} (${code})` }));
}

/** Name of a BCP 47 language tag in the UI language, e.g. "de" → "德语". */
export function localeName(tag: string, language: string): string {
  try {
    const names = new Intl.DisplayNames([language === 'en' ? 'en' : 'zh-CN'], { type: 'language' });
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
