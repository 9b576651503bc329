import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../web/src/i18n');
type Messages = { [key: string]: string | Messages };
const load = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Messages;

/** Every key path of a catalog, e.g. `orders.status.paid`. */
function keys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

const areas = readdirSync(join(dir, 'areas'))
  .filter((f) => f.endsWith('.en.json'))
  .map((f) => f.slice(0, -'.en.json'.length));

describe('admin message catalogs', () => {
  it('has the same keys in Chinese and English', () => {
    expect(keys(load(join(dir, 'zh-CN.json'))).sort()).toEqual(keys(load(join(dir, 'en.json'))).sort());
  });

  it.each(areas)('area %s has the same keys in both languages and adds only new top-level keys', (area) => {
    const en = load(join(dir, 'areas', `${area}.en.json`));
    const zh = load(join(dir, 'areas', `${area}.zh-CN.json`));
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    const base = load(join(dir, 'en.json'));
    const clash = Object.keys(en).filter((k) => k in base);
    expect(clash, `area ${area} redefines base sections`).toEqual([]);
  });

  it('areas do not share top-level keys', () => {
    const seen = new Map<string, string>();
    for (const area of areas) {
      for (const key of Object.keys(load(join(dir, 'areas', `${area}.en.json`)))) {
        expect(seen.get(key), `${key} defined by ${seen.get(key)} and ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
  });
});
