import type { MessageKey } from '../../../kernel/i18n/index.ts';
import { type CardSettings, type ChargeKind, defaultSettings } from '../rating/types.ts';
import { matchAlias, type Setting, settingAliases } from './headers.ts';
import { hints } from './hint-params.ts';
import type { Issues } from './issues.ts';
import {
  chinaDay,
  parseCm,
  parseDate,
  parseMoney,
  parsePercentBp,
  parseWeight,
  parseYesNo,
} from './values.ts';
import type { Sheet } from './workbook.ts';

export interface ParsedSettings {
  settings: CardSettings;
  currency: string;
  validFrom: Date | null;
  validTo: Date | null;
  source: string | null;
}

const kindAliases: Record<string, ChargeKind[]> = {
  base: ['base', 'continued'],
  运费: ['base', 'continued'],
  freight: ['base', 'continued'],
  首重: ['base'],
  continued: ['continued'],
  续重: ['continued'],
  registration: ['registration'],
  挂号费: ['registration'],
  remote_area: ['remote_area'],
  remote: ['remote_area'],
  偏远: ['remote_area'],
  偏远费: ['remote_area'],
  battery: ['battery'],
  带电: ['battery'],
  带电费: ['battery'],
  dangerous_goods: ['dangerous_goods'],
  危险品: ['dangerous_goods'],
  minimum: ['minimum'],
  最低: ['minimum'],
  最低收费: ['minimum'],
};

/**
 * The settings sheet (服务设置 / Settings): key in column A, value in column B, one per row. Weights
 * are kg unless the value ends in g; sizes are cm; money is in the card currency; fuel in %.
 */
export function parseSettingsSheet(sheet: Sheet | undefined, issues: Issues): ParsedSettings {
  const out: ParsedSettings = {
    settings: defaultSettings(),
    currency: 'CNY',
    validFrom: null,
    validTo: null,
    source: null,
  };
  if (!sheet) return out;
  const ws = sheet;
  const s = out.settings;
  const remote = { perKgMinor: null as number | null, minimumMinor: 0 };
  for (let r = 1; r <= sheet.rowCount; r++) {
    const name = sheet.text(r, 1);
    const value = sheet.text(r, 2);
    if (!name) continue;
    const key = matchAlias(settingAliases, name);
    if (!key) {
      // A title row or a header row ("设置项 | 值") above the settings is not an error.
      if (r <= 2 && !value) continue;
      if (/^(设置项|项目|参数|setting|key|name)$/i.test(name)) continue;
      issues.add(sheet.cell(r, 1), r, 'logistics.import.unknownSetting', {
        value: name,
        names: Object.values(settingAliases)
          .map((a) => a[0])
          .join(' / '),
      });
      continue;
    }
    if (!value) continue;
    const bad = (k: MessageKey) => issues.add(sheet.cell(r, 2), r, k, { value });
    const money = () => {
      const m = parseMoney(value);
      if (m === null) bad('logistics.import.badMoney');
      return m;
    };
    const yesNo = () => {
      const y = parseYesNo(value);
      if (y === null) bad('logistics.import.badYesNo');
      return y;
    };
    const cmValue = () => {
      const mm = parseCm(value);
      if (mm === null) bad('logistics.import.badNumber');
      return mm;
    };
    apply(key as Setting);
    function apply(k: Setting) {
      switch (k) {
        case 'currency':
          if (/^[A-Za-z]{3}$/.test(value)) out.currency = value.toUpperCase();
          else if (value === '人民币' || value === '元') out.currency = 'CNY';
          else bad('logistics.import.badCurrency');
          return;
        case 'validFrom':
        case 'validTo': {
          const d = parseDate(value);
          if (!d) bad('logistics.import.badDate');
          else out[k] = d;
          return;
        }
        case 'source':
          out.source = value.slice(0, 500);
          return;
        case 'volumetricDivisor': {
          if (/^(无|不计泡|none|no|-)$/i.test(value)) s.volumetricDivisor = null;
          else if (['1000', '5000', '6000', '8000'].includes(value)) s.volumetricDivisor = Number(value);
          else bad('logistics.import.badDivisor');
          return;
        }
        case 'volumetricShare': {
          const bp = parsePercentBp(value);
          if (bp === null) bad('logistics.import.badPercent');
          else s.volumetricSharePct = bp / 100;
          return;
        }
        case 'rounding': {
          const g = parseWeight(value);
          if (g === null || g === 0) bad('logistics.import.badWeight');
          else s.roundingG = g;
          return;
        }
        case 'minimum':
          s.minimumMinor = money();
          return;
        case 'fuel': {
          const bp = parsePercentBp(value);
          if (bp === null) bad('logistics.import.badPercent');
          else s.fuelBp = bp;
          return;
        }
        case 'fuelAppliesTo': {
          const kinds = new Set<ChargeKind>();
          for (const part of value.split(/[\s,，、;+/]+/).filter(Boolean)) {
            const k2 = kindAliases[part.toLowerCase()];
            if (!k2)
              return issues.add(ws.cell(r, 2), r, 'logistics.import.badKinds', {
                value,
                kinds: hints.kinds,
              });
            for (const x of k2) kinds.add(x);
          }
          s.fuelAppliesTo = [...kinds];
          return;
        }
        case 'remotePerKg':
          remote.perKgMinor = money();
          return;
        case 'remoteMinimum':
          remote.minimumMinor = money() ?? 0;
          return;
        case 'batteryAccepted':
          s.battery.accepted = yesNo() ?? s.battery.accepted;
          return;
        case 'batteryPerParcel':
          s.battery.perParcelMinor = money() ?? 0;
          return;
        case 'batteryPerKg':
          s.battery.perKgMinor = money() ?? 0;
          return;
        case 'dgAccepted':
          s.dangerousGoods.accepted = yesNo() ?? s.dangerousGoods.accepted;
          return;
        case 'dgPerParcel':
          s.dangerousGoods.perParcelMinor = money() ?? 0;
          return;
        case 'maxWeight': {
          const g = parseWeight(value);
          if (g === null) bad('logistics.import.badWeight');
          else s.maxWeightG = g;
          return;
        }
        case 'maxLongestSide':
          s.maxLongestSideMm = cmValue();
          return;
        case 'maxGirth':
          s.maxGirthMm = cmValue();
          return;
        case 'maxSumOfSides':
          s.maxSumOfSidesMm = cmValue();
          return;
      }
    }
  }
  if (remote.perKgMinor !== null)
    s.remoteArea = { perKgMinor: remote.perKgMinor, minimumMinor: remote.minimumMinor };
  if (out.validFrom && out.validTo && out.validTo <= out.validFrom)
    issues.add(`${sheet.name}`, undefined, 'logistics.import.datesOrder', {
      from: chinaDay(out.validFrom),
      to: chinaDay(out.validTo),
    });
  return out;
}
