// The readyfolio CLI for the specs: build it once (no Wails tags: the headless commands need no
// webview), then fill a data folder before the app starts.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './harness.mjs';

/** Builds the binary into dir (a few seconds with a warm Go cache); returns its path. */
export async function buildCli(dir) {
  const bin = path.join(dir, 'readyfolio');
  execFileSync('go', ['build', '-o', bin, '.'], {
    cwd: REPO_ROOT,
    env: { ...process.env, GOTOOLCHAIN: 'auto' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return bin;
}

/** Runs one CLI command on dataDir; returns its standard output. */
export function cli(bin, dataDir, args) {
  return execFileSync(bin, ['--data-dir', dataDir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}
