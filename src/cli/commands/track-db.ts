import { basename } from 'node:path';
import type { Command } from 'commander';
import { getJourneyTimeline, getNumberTimeline, importTrackingEvents } from '../../domains/tracking/index.ts';
import { appError, issueLine, localizeIssue } from '../../kernel/errors.ts';
import { withShop } from '../../platform/db/tenant.ts';
import { cliLocale, type GlobalFlags, output, requireShop, withDeps } from '../context.ts';
import { carrierOption } from './track-carrier.ts';

/** `track import` and `track show` (need the database and --shop). */
export function registerTrackDbCommands(track: Command, flags: () => GlobalFlags) {
  track
    .command('import <file>')
    .description(
      'import tracking events from CSV/xlsx (English or Chinese headers; times without offset in --time-zone, default Asia/Shanghai)',
    )
    .option('--carrier <code>', 'carrier of every row without a carrier column')
    .option('--time-zone <zone>', 'zone of times without an offset (IANA name or +08:00)', 'Asia/Shanghai')
    .action(async (file: string, opts: { carrier?: string; timeZone: string }) => {
      const f = flags();
      const carrier = carrierOption(opts.carrier);
      const locale = cliLocale();
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        const result = await importTrackingEvents(
          deps.database.db,
          shop.id,
          { path: file, fileName: basename(file) },
          { carrier, defaultTimeZone: opts.timeZone },
        );
        const errors = result.errors.map((e) => {
          const l = localizeIssue('en', e);
          return { row: l.row ?? null, column: l.field, message: l.message };
        });
        output(
          f,
          { ...result, errors },
          `${result.rows} rows: ${result.inserted} stored, ${result.duplicates} already known, ${result.failed} failed; ${result.journeysUpdated} journeys updated` +
            result.errors
              .slice(0, 20)
              .map((e) => `\n  ${issueLine(locale, e, true)}`)
              .join(''),
        );
        if (result.failed) process.exitCode = 1;
      });
    });

  track
    .command('show <number>')
    .description(
      'the merged timeline of a journey, by Cunkou reference or any leg tracking number (or the events of an unregistered number)',
    )
    .action(async (number: string) => {
      const f = flags();
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        const timeline = await withShop(
          deps.database.db,
          shop.id,
          async (trx) =>
            (await getJourneyTimeline(trx, shop.id, number)) ?? getNumberTimeline(trx, shop.id, number),
        );
        if (!timeline) throw appError('NOT_FOUND', 'tracking.journeyNotFound', { reference: number });
        output(
          f,
          timeline,
          [
            `${timeline.reference}  ${timeline.status}${timeline.milestone ? ` (${timeline.milestone})` : ''}  → ${[timeline.destinationCity, timeline.destinationCountry].filter(Boolean).join(', ')}`,
            ...timeline.legs.map((l) => `  leg ${l.seq} ${l.kind} ${l.carrier} ${l.trackingNumber}`),
            ...timeline.events.map(
              (e) =>
                `  ${e.occurredAt}  ${e.status.padEnd(18)} ${e.description}${e.city ? ` [${e.city}]` : ''}`,
            ),
          ].join('\n'),
        );
      });
    });
}
