/**
 * The shipping benchmarks (issue 4), each a standalone script with its own JSON, run one after the
 * other as child processes so that each has the machine (and its memory) to itself:
 * rate shopping (10,000 parcels × 30 cards ≤ 1 s), 500 labels in one PDF (≤ 10 s), ingesting
 * 1,000,000 tracking events (≤ 60 s on PostgreSQL), the public tracking page (p95 ≤ 20 ms).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

const scripts = [
  { key: 'rateShop', file: 'rate-shop.ts', engineFlag: 'engines' },
  { key: 'labels', file: 'labels.ts', engineFlag: null },
  { key: 'trackingEvents', file: 'tracking-events.ts', engineFlag: 'engine' },
  { key: 'trackingPage', file: 'tracking-page.ts', engineFlag: 'engine' },
] as const;

/** `engine`: 'both' | 'pglite' | 'postgres', as `npm run bench -- --engine` takes it. */
export function shippingBenches(engine: string, log: (line: string) => void): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of scripts) {
    const args = [`${benchDir}${s.file}`, '--json'];
    if (s.engineFlag === 'engines' && engine !== 'both') args.push('--engines', engine);
    if (s.engineFlag === 'engine') args.push('--engine', engine);
    log(`shipping bench: ${s.file}`);
    const run = spawnSync(tsx, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64e6,
    });
    if (run.status !== 0) {
      out[s.key] = { error: `exit ${run.status}` };
      continue;
    }
    try {
      out[s.key] = JSON.parse(run.stdout);
    } catch {
      out[s.key] = { error: 'no JSON on stdout', stdout: run.stdout.slice(-500) };
    }
  }
  return out;
}
