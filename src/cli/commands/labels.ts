import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { renderBatchLabels } from '../../domains/shipping/index.ts';
import type { GlobalFlags } from '../context.ts';
import { output, requireShop, say, withDeps } from '../context.ts';

/** `cunkou labels print`: the labels of shipments (numbers, uuids or tracking numbers) as one PDF. */
export function registerLabelCommands(program: Command, flags: () => GlobalFlags) {
  const labels = program.command('labels').description('shipping labels');
  labels
    .command('print')
    .description('print the labels of shipments into one PDF (one 100×150 mm page per parcel)')
    .requiredOption('--shipment <ids...>', 'shipment numbers (CK…), uuids or tracking numbers')
    .requiredOption('--out <file>', 'the PDF file to write')
    .action(async (opts: { shipment: string[]; out: string }) => {
      const f = flags();
      await withDeps(f, async (deps) => {
        const shop = await requireShop(deps, f);
        const { pdf, count } = await renderBatchLabels(deps, shop.id, opts.shipment);
        await writeFile(opts.out, pdf);
        if (!f.json) say(`${count} label(s) → ${opts.out}`);
        output(f, { file: opts.out, labels: count, bytes: pdf.length }, `${opts.out}`);
      });
    });
}
