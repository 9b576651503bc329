/**
 * ISO 3166-1 alpha-2 country codes (all 249 officially assigned) plus curated English and
 * Chinese names for the markets our sellers ship to. Curated names are constants rather than
 * Intl.DisplayNames output so labels on customs papers do not shift with the ICU version.
 */
const iso3166Alpha2 = [
  ...['AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ'],
  ...['BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS'],
  ...['BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN'],
  ...['CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE'],
  ...['EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF'],
  ...['GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM'],
  ...['HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM'],
  ...['JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC'],
  ...['LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK'],
  ...['ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA'],
  ...['NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG'],
  ...['PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW'],
  ...['SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS'],
  ...['ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO'],
  ...['TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI'],
  ...['VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA', 'ZM', 'ZW'],
] as const;

export type CountryCode = (typeof iso3166Alpha2)[number];

export const countryCodes: ReadonlySet<string> = new Set<string>(iso3166Alpha2);

/** True only for an officially assigned, upper-case alpha-2 code (not "UK", "EU" or "XK"). */
export function isCountryCode(value: string): value is CountryCode {
  return countryCodes.has(value);
}

/**
 * Lenient parse for user input and marketplace files: trims, upper-cases, and maps "UK" (used
 * by Amazon and many sellers, but not ISO) to "GB". Returns null when it is still not a code.
 */
export function normalizeCountryCode(input: string): CountryCode | null {
  const upper = input.trim().toUpperCase();
  const code = upper === 'UK' ? 'GB' : upper;
  return isCountryCode(code) ? code : null;
}

export interface CountryNames {
  en: string;
  zh: string;
}

/** Markets that matter to Chinese cross-border sellers, with the names their staff use. */
export const marketCountries = {
  CN: { en: 'China', zh: '中国' },
  HK: { en: 'Hong Kong', zh: '中国香港' },
  TW: { en: 'Taiwan', zh: '中国台湾' },
  US: { en: 'United States', zh: '美国' },
  CA: { en: 'Canada', zh: '加拿大' },
  MX: { en: 'Mexico', zh: '墨西哥' },
  BR: { en: 'Brazil', zh: '巴西' },
  CL: { en: 'Chile', zh: '智利' },
  CO: { en: 'Colombia', zh: '哥伦比亚' },
  PE: { en: 'Peru', zh: '秘鲁' },
  AR: { en: 'Argentina', zh: '阿根廷' },
  GB: { en: 'United Kingdom', zh: '英国' },
  IE: { en: 'Ireland', zh: '爱尔兰' },
  DE: { en: 'Germany', zh: '德国' },
  FR: { en: 'France', zh: '法国' },
  ES: { en: 'Spain', zh: '西班牙' },
  IT: { en: 'Italy', zh: '意大利' },
  NL: { en: 'Netherlands', zh: '荷兰' },
  BE: { en: 'Belgium', zh: '比利时' },
  AT: { en: 'Austria', zh: '奥地利' },
  PL: { en: 'Poland', zh: '波兰' },
  CZ: { en: 'Czechia', zh: '捷克' },
  SE: { en: 'Sweden', zh: '瑞典' },
  DK: { en: 'Denmark', zh: '丹麦' },
  FI: { en: 'Finland', zh: '芬兰' },
  PT: { en: 'Portugal', zh: '葡萄牙' },
  GR: { en: 'Greece', zh: '希腊' },
  HU: { en: 'Hungary', zh: '匈牙利' },
  RO: { en: 'Romania', zh: '罗马尼亚' },
  CH: { en: 'Switzerland', zh: '瑞士' },
  NO: { en: 'Norway', zh: '挪威' },
  RU: { en: 'Russia', zh: '俄罗斯' },
  KZ: { en: 'Kazakhstan', zh: '哈萨克斯坦' },
  BY: { en: 'Belarus', zh: '白俄罗斯' },
  TR: { en: 'Türkiye', zh: '土耳其' },
  JP: { en: 'Japan', zh: '日本' },
  KR: { en: 'South Korea', zh: '韩国' },
  AU: { en: 'Australia', zh: '澳大利亚' },
  NZ: { en: 'New Zealand', zh: '新西兰' },
  SG: { en: 'Singapore', zh: '新加坡' },
  MY: { en: 'Malaysia', zh: '马来西亚' },
  TH: { en: 'Thailand', zh: '泰国' },
  VN: { en: 'Vietnam', zh: '越南' },
  ID: { en: 'Indonesia', zh: '印度尼西亚' },
  PH: { en: 'Philippines', zh: '菲律宾' },
  IN: { en: 'India', zh: '印度' },
  SA: { en: 'Saudi Arabia', zh: '沙特阿拉伯' },
  AE: { en: 'United Arab Emirates', zh: '阿联酋' },
  IL: { en: 'Israel', zh: '以色列' },
  QA: { en: 'Qatar', zh: '卡塔尔' },
  KW: { en: 'Kuwait', zh: '科威特' },
  EG: { en: 'Egypt', zh: '埃及' },
  ZA: { en: 'South Africa', zh: '南非' },
  NG: { en: 'Nigeria', zh: '尼日利亚' },
  KE: { en: 'Kenya', zh: '肯尼亚' },
  MA: { en: 'Morocco', zh: '摩洛哥' },
} as const satisfies Partial<Record<CountryCode, CountryNames>>;

/** Display name: curated for key markets, otherwise the runtime's ICU data, else the code. */
export function countryName(code: CountryCode, lang: 'en' | 'zh'): string {
  const curated: CountryNames | undefined = (marketCountries as Partial<Record<CountryCode, CountryNames>>)[
    code
  ];
  if (curated) return curated[lang];
  return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
}
