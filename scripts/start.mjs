#!/usr/bin/env node
// `npm start` on a fresh clone: install dependencies if needed, build the admin if it is missing
// or older than its sources, then run the server with the demo shop on the embedded database.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

if (!existsSync(join(root, 'node_modules/.package-lock.json'))) {
  console.error('Installing dependencies (npm ci)…');
  run('npm ci --no-audit --no-fund');
}

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
const built = join(root, 'dist/web/index.html');
if (!existsSync(built) || statSync(built).mtimeMs < newest(join(root, 'web'))) {
  console.error('Building the admin web app…');
  run('npm run build:web --silent');
}

const child = spawn(
  process.execPath,
  [join(root, 'bin/cunkou.mjs'), 'start', '--demo', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
