import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type CountryCode,
  countryCodes,
  marketCountries,
  normalizeCountryCode,
} from '../../../kernel/countries.ts';

/**
 * Country cells in forwarders' sheets: "美国 US", "US", "美国", "United States", "美国(US)". An ISO
 * code anywhere in the cell wins; otherwise the name is looked up in the kernel's curated names,
 * the runtime's English and Chinese region names and data/logistics/country-aliases.json.
 */
const aliasFile = fileURLToPath(new URL('../../../../data/logistics/country-aliases.json', import.meta.url));

const key = (s: string) => s.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');

let byName: Map<string, CountryCode> | undefined;

function names(): Map<string, CountryCode> {
  if (byName) return byName;
  const m = new Map<string, CountryCode>();
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  const zh = new Intl.DisplayNames(['zh'], { type: 'region' });
  for (const code of countryCodes as ReadonlySet<CountryCode>) {
    for (const n of [en.of(code), zh.of(code)]) if (n && n !== code) m.set(key(n), code);
  }
  for (const [code, n] of Object.entries(marketCountries)) {
    m.set(key(n.en), code as CountryCode);
    m.set(key(n.zh), code as CountryCode);
  }
  const file = JSON.parse(readFileSync(aliasFile, 'utf8')) as { aliases: Record<string, string> };
  for (const [alias, code] of Object.entries(file.aliases))
    if (countryCodes.has(code)) m.set(key(alias), code as CountryCode);
  byName = m;
  return m;
}

export function resolveCountry(raw: string): CountryCode | null {
  const text = raw.trim();
  if (!text) return null;
  const whole = normalizeCountryCode(text);
  if (whole && text.length <= 3) return whole;
  // A separate two-letter token ("美国 US", "US-美国", "美国(US)").
  for (const m of text.matchAll(/(?:^|[^A-Za-z])([A-Z]{2})(?![A-Za-z])/g)) {
    const code = normalizeCountryCode(m[1]!);
    if (code) return code;
  }
  const direct = names().get(key(text));
  if (direct) return direct;
  // "美国 United States": try each part.
  for (const part of text.split(/[\s/()（）,，、-]+/)) {
    const hit = part && names().get(key(part));
    if (hit) return hit;
  }
  return null;
}
