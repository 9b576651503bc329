import type { Command } from 'commander';
import { carrierCodes, checkTrackingNumber } from '../../domains/tracking/index.ts';
import type { GlobalFlags } from '../context.ts';
import { output } from '../context.ts';
import { carrierOption } from './track-carrier.ts';
import { registerTrackDbCommands } from './track-db.ts';

/** `cunkou track check|import|show`: tracking numbers and events. */
export function registerTrackCommands(program: Command, flags: () => GlobalFlags) {
  const track = program.command('track').description('tracking numbers, tracking events and journeys');
  track
    .command('check <numbers...>')
    .description('validate tracking numbers (check digits) and detect the carrier; no database needed')
    .option('--carrier <code>', `carrier hint: ${carrierCodes.join(' | ')}`)
    .action((numbers: string[], opts: { carrier?: string }) => {
      const hint = carrierOption(opts.carrier);
      const results = numbers.map((n) => {
        const r = checkTrackingNumber(n, hint);
        return { number: r.number, valid: r.valid, carrier: r.carrier, reason: r.reason };
      });
      output(
        flags(),
        results,
        results
          .map(
            (r) =>
              `${r.valid ? '✓' : '✗'} ${r.number}  ${r.carrier ?? '-'}${r.reason ? `  ${r.reason}` : ''}`,
          )
          .join('\n'),
      );
      if (results.some((r) => !r.valid)) process.exitCode = 1;
    });
  registerTrackDbCommands(track, flags);
}
