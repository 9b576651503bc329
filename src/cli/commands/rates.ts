import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  findServiceByCode,
  importRateCard,
  quoteRates,
  type RateExclusion,
  type RateOption,
} from '../../domains/logistics/index.ts';
import { systemActor } from '../../domains/shops/index.ts';
import { appError, issue } from '../../kernel/errors.ts';
import { withShop } from '../../platform/db/tenant.ts';
import { cliLocale, type GlobalFlags, output, requireShop, withDeps } from '../context.ts';

const money = (minor: number) => (minor / 100).toFixed(2);

function parseKg(text: string) {
  const kg = Number(text);
  if (!/^\d+(\.\d{1,3})?$/.test(text.trim()) || !(kg > 0))
    throw appError(
      'VALIDATION_FAILED',
      'logistics.cli.badWeight',
      { value: text },
      { issues: [issue('--weight', 'common.invalid')] },
    );
  return Math.round(kg * 1000);
}

function parseDims(text: string) {
  const m = /^(\d+(?:\.\d)?)\s*[x×*]\s*(\d+(?:\.\d)?)\s*[x×*]\s*(\d+(?:\.\d)?)$/i.exec(text.trim());
  if (!m)
    throw appError(
      'VALIDATION_FAILED',
      'logistics.cli.badDims',
      { value: text },
      { issues: [issue('--dims', 'common.invalid')] },
    );
  const [l, w, h] = [m[1], m[2], m[3]].map((v) => Math.round(Number(v) * 10)) as [number, number, number];
  return { l, w, h };
}

function parseValue(parts: string[]) {
  const [amount, currency] = parts;
  if (!amount || !currency || !/^\d+(\.\d{1,2})?$/.test(amount) || !/^[A-Za-z]{3}$/.test(currency))
    throw appError(
      'VALIDATION_FAILED',
      'logistics.cli.badValue',
      { value: parts.join(' ') },
      { issues: [issue('--value', 'common.invalid')] },
    );
  return { amountMinor: Math.round(Number(amount) * 100), currency: currency.toUpperCase() };
}

const optionLine = (o: RateOption) =>
  [
    `${o.code.padEnd(12)} ${o.currency} ${money(o.totalMinor).padStart(10)}  ${(o.chargeableWeightG / 1000).toFixed(3)} kg  ${o.transitDays ? `${o.transitDays.min}-${o.transitDays.max} d` : '-'}  ${o.name}`,
    ...o.breakdown.map((l) => `    ${l.label.padEnd(44)} ${money(l.amountMinor).padStart(10)}`),
  ].join('\n');
const excludedLine = (e: RateExclusion) => `  ✗ ${e.code}: ${e.reasons.map((r) => r.message).join('; ')}`;

/** `cunkou rates quote` (rate shopping over the shop's services) and `cunkou rates import` (price sheet → card version). */
export function registerRateCommands(program: Command, flags: () => GlobalFlags) {
  const rates = program.command('rates').description('logistics rate cards and rate shopping');

  rates
    .command('quote')
    .description('price a parcel on every logistics service: cheapest first, with breakdowns and exclusions')
    .requiredOption('--to <country>', 'destination country (ISO code, e.g. US)')
    .option('--postcode <postcode>', 'destination postcode (zones and remote areas)')
    .requiredOption('--weight <kg>', 'actual weight in kg, e.g. 1.25')
    .option('--dims <LxWxH>', 'dimensions in cm, e.g. 30x20x10')
    .option('--value <amount currency...>', 'declared value, e.g. 25.00 USD')
    .option('--battery', 'contains batteries')
    .option('--dangerous-goods', 'contains dangerous goods')
    .option('--at <date>', 'price on this date (default now)')
    .action(
      async (opts: {
        to: string;
        postcode?: string;
        weight: string;
        dims?: string;
        value?: string[];
        battery?: boolean;
        dangerousGoods?: boolean;
        at?: string;
      }) => {
        const f = flags();
        const parcel = {
          destinationCountry: opts.to.trim().toUpperCase(),
          postcode: opts.postcode ?? null,
          weightG: parseKg(opts.weight),
          dimsMm: opts.dims ? parseDims(opts.dims) : null,
          declaredValue: opts.value ? parseValue(opts.value) : null,
          battery: !!opts.battery,
          dangerousGoods: !!opts.dangerousGoods,
          ...(opts.at ? { at: new Date(opts.at) } : {}),
        };
        await withDeps(f, async (deps) => {
          const shop = await requireShop(deps, f);
          const locale = f.json ? 'en' : cliLocale();
          const result = await withShop(deps.database.db, shop.id, (trx) =>
            quoteRates(trx, shop.id, parcel, locale),
          );
          const human = [
            ...result.options.map(optionLine),
            ...(result.excluded.length ? ['excluded:', ...result.excluded.map(excludedLine)] : []),
          ].join('\n');
          output(f, result, human || '(no logistics services)');
        });
      },
    );

  rates
    .command('import')
    .description('import a forwarder price sheet (.xlsx) as a new rate card version of a service')
    .argument('<file>', 'the price sheet')
    .requiredOption('--service <code>', 'logistics service code')
    .option('--preview', 'validate and summarise without saving')
    .action(async (file: string, opts: { service: string; preview?: boolean }) => {
      const f = flags();
      const bytes = await readFile(file);
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        const result = await withShop(deps.database.db, shop.id, async (trx) => {
          const service = await findServiceByCode(trx, shop.id, opts.service);
          if (!service)
            throw appError('NOT_FOUND', 'logistics.serviceNotFound', undefined, {
              issues: [issue('--service', 'common.invalid')],
            });
          return importRateCard(trx, shop.id, systemActor, service.id, {
            bytes,
            fileName: basename(file),
            preview: !!opts.preview,
          });
        });
        const s = result.summary;
        output(
          f,
          result,
          `${result.status}${result.version ? ` v${result.version}` : ''}: ${result.layout}, ${s.countries} countries, ${s.zones} zones, ${s.brackets} brackets, ${s.remotePostcodes} remote postcodes (${result.currency}, from ${result.validFrom.toISOString()})`,
        );
      });
    });
}
