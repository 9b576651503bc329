import cliProgress from 'cli-progress';

/** A progress bar on stderr when it is a terminal; silent otherwise (CI logs, pipes, --json). */
export function progressBar(label: string) {
  if (!process.stderr.isTTY) return { update: (_n: number) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} {bar} {value} rows`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0);
  return {
    update: (n: number) => {
      bar.setTotal(Math.max(n, 1));
      bar.update(n);
    },
    stop: () => bar.stop(),
  };
}
