import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import cliProgress from 'cli-progress';

/**
 * Rows of a CSV, estimated by counting line breaks (a fast byte scan; quoted line breaks make it
 * a slight overestimate). Null for xlsx, whose row count is only known after reading it.
 */
export async function estimateRows(path: string): Promise<number | null> {
  const fh = await open(path, 'r');
  const head = Buffer.alloc(2);
  await fh.read(head, 0, 2, 0);
  await fh.close();
  if (head.toString('latin1') === 'PK') return null;
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    for (let i = (chunk as Buffer).indexOf(10); i !== -1; i = (chunk as Buffer).indexOf(10, i + 1)) lines++;
  }
  return Math.max(lines, 1);
}

/**
 * A progress bar on stderr when the output is a terminal; silent for pipes, CI logs and --json
 * redirects. With a known total it shows a bar and the time left, otherwise the count and speed.
 */
export function progressBar(label: string, total: number | null) {
  if (!process.stdout.isTTY || !process.stderr.isTTY) return { update: (_n: number) => {}, stop: () => {} };
  const format = total
    ? `${label} {bar} {percentage}% · {value}/{total} rows · ETA {eta_formatted}`
    : `${label} {value} rows · {duration_formatted}`;
  const bar = new cliProgress.SingleBar(
    { format, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0);
  return {
    update: (n: number) => bar.update(total ? Math.min(n, total) : n),
    stop: () => {
      if (total) bar.update(total);
      bar.stop();
    },
  };
}
