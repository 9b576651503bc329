#!/usr/bin/env node
// `npm start` on a fresh clone: install dependencies when they are missing, then run the server
// (which builds the admin when needed) with the demo shop on the embedded database.
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

if (!existsSync(join(root, 'node_modules/.package-lock.json'))) {
  console.error('Installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
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
