import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../apps/web', import.meta.url));
const OUTPUT = path.join(WEB, 'build/server/index.js');
const INPUTS = ['app', 'public', 'vite.config.ts', 'react-router.config.ts', 'package.json'];

function newestChange(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/** True when the hub's sources changed since its last build (or it was never built). */
export function webBuildIsStale(): boolean {
  if (!existsSync(OUTPUT)) return true;
  const built = statSync(OUTPUT).mtimeMs;
  return INPUTS.some(
    (input) => existsSync(path.join(WEB, input)) && newestChange(path.join(WEB, input)) > built,
  );
}

/** Builds the web hub when its sources are newer than the build, so a plain restart skips it. */
export function ensureWebBuild(): void {
  if (!webBuildIsStale()) return;
  console.log('Building the web hub…');
  const run = spawnSync(
    process.execPath,
    [path.join(WEB, 'node_modules/@react-router/dev/bin.js'), 'build'],
    {
      cwd: WEB,
      stdio: ['ignore', 'ignore', 'inherit'],
      // Always React's production bundle: started from a test runner (NODE_ENV=test) the build
      // would otherwise ship the development bundle, half as large again, to every browser.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (run.status !== 0)
    throw new Error('Building the web hub failed (see above). Run "pnpm build" to see the whole output.');
}
