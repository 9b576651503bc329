import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

/** Build the admin with Vite when dist/web is missing or older than web/ (a fresh clone, an update). */
export function ensureAdminBuilt(log: (m: string) => void) {
  const built = join(root, 'dist/web/index.html');
  const sources = join(root, 'web');
  if (!existsSync(sources)) return;
  if (existsSync(built) && statSync(built).mtimeMs >= newest(sources)) return;
  log('Building the admin web app…');
  execSync('npx vite build --config web/vite.config.ts --logLevel warn', {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
