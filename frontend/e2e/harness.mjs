// Harness for ReadyFolio's end-to-end specs: runs the real app under `wails dev` (live Go bindings
// served at http://localhost:34115) and drives it with Debian's Chromium through playwright-core.
//
//   import { startApp, stopApp, launchBrowser, gotoApp } from './harness.mjs';
//   const app = await startApp({ dataDir });        // about 65 s cold, much less warm
//   const { browser, page } = await launchBrowser();
//   await gotoApp(page);                            // loads the UI, waits for the Go bindings
//   ...
//   await closeBrowser(browser);                  // browser.close() with a time limit
//   await stopApp(app);
//
// Only one app can run at a time (wails dev always serves on port 34115).
// wails dev's output goes to build/e2e/wails-dev-*.log (the path is in handle.logFile).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEV_PORT = 34115;
export const DEV_URL = `http://localhost:${DEV_PORT}`;
/** wails dev's cold start (npm, vite, go build) takes about 65 s on 2 cores. */
export const START_TIMEOUT_MS = 180_000;
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Default readiness test, evaluated in the page: the Go services are bound. */
const bindingsReady = () => Boolean(window.go?.app?.SessionService);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reject if promise has not settled within ms (some Playwright calls have no timeout of their own). */
async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Close a browser from launchBrowser(), giving up after timeoutMs (playwright-core then still
 * kills it when this process exits).
 */
export async function closeBrowser(browser, timeoutMs = 15_000) {
  if (!browser) return;
  await withTimeout(browser.close(), timeoutMs, 'closing Chromium').catch((err) => {
    console.warn(`harness: ${err.message}`);
  });
}

function wailsCommand(root) {
  const local = path.join(root, '.cache', 'bin', 'wails');
  return fs.existsSync(local) ? local : 'wails';
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** All descendants of pid (Linux /proc), so that process groups they made can be found too. */
function descendants(pid) {
  const children = new Map();
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const pgrp = Number(fields[2]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push({ pid: Number(name), pgrp });
    } catch {
      // the process ended while we looked
    }
  }
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

function waitForExit(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

function portOpen(port, host) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

async function devPortOpen() {
  return (await portOpen(DEV_PORT, '127.0.0.1')) || (await portOpen(DEV_PORT, '::1'));
}

function logTail(file, lines = 40) {
  try {
    const text = fs.readFileSync(file, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Start Xvfb on a free display: -displayfd makes Xvfb pick one and report it when ready. */
async function startXvfb(logFd) {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', logFd, logFd, 'pipe'],
  });
  const display = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not report a display within 15 s')), 15_000);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot start Xvfb (run 'make deps'): ${err.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited at start (status ${code})`));
    });
    child.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${text.trim()}`);
      }
    });
  });
  child.removeAllListeners('exit');
  return { child, display };
}

async function stopXvfb(xvfb) {
  if (!xvfb) return;
  signal(xvfb.child.pid, 'SIGTERM');
  if (!(await waitForExit(xvfb.child, 5_000))) {
    signal(xvfb.child.pid, 'SIGKILL');
    await waitForExit(xvfb.child, 5_000);
  }
}

// Handles still running, killed hard if the spec process exits without stopApp.
const running = new Set();
let exitHooksInstalled = false;

function killHard(handle) {
  for (const { pid, pgrp } of descendants(handle.pid)) {
    signal(-pgrp, 'SIGKILL');
    signal(pid, 'SIGKILL');
  }
  signal(-handle.pid, 'SIGKILL');
  if (handle.xvfb) signal(handle.xvfb.child.pid, 'SIGKILL');
}

function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const handle of running) killHard(handle);
  });
  for (const [sig, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ]) {
    process.once(sig, () => process.exit(code));
  }
}

/**
 * Start ReadyFolio under `wails dev` and wait until the UI is served and the Go bindings answer.
 *
 * @param {object} opts
 * @param {string} opts.dataDir   data folder for the app (passed as READYFOLIO_DATA_DIR)
 * @param {Record<string,string>} [opts.env]  extra environment for wails dev and the app
 * @param {import('playwright-core').Page} [opts.page]  page to load the UI in while waiting
 *        (otherwise a short-lived browser checks the bindings)
 * @param {number} [opts.timeoutMs]  default 180 s
 * @param {string} [opts.root]       project root (default: this repository)
 * @param {() => unknown} [opts.readyCheck]  evaluated in the page; truthy when ready
 */
export async function startApp({
  dataDir,
  env = {},
  page,
  timeoutMs = START_TIMEOUT_MS,
  root = REPO_ROOT,
  readyCheck = bindingsReady,
} = {}) {
  if (!dataDir) throw new Error('startApp: dataDir is required');
  if (await devPortOpen()) {
    throw new Error(`startApp: port ${DEV_PORT} is already in use (another wails dev running?)`);
  }
  const deadline = Date.now() + timeoutMs;

  const logDir = path.join(root, 'build', 'e2e');
  await fsp.mkdir(logDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const logFile = path.join(logDir, `wails-dev-${stamp}.log`);
  const logFd = fs.openSync(logFile, 'a');

  let xvfb = null;
  let display = env.DISPLAY ?? process.env.DISPLAY;
  if (!display) {
    xvfb = await startXvfb(logFd);
    display = xvfb.display;
  }

  // The data folder goes in READYFOLIO_DATA_DIR, not `-appargs "--data-dir DIR"`: the dev-mode
  // binary also parses its arguments with Wails' own flag set, which prints "flag provided but
  // not defined: -data-dir" and its usage for every app flag. -m: no `go mod tidy` (never rewrite
  // go.mod during a test). -nogorebuild: the app under test stays the build it started with; an
  // edit to a Go file elsewhere in the tree would otherwise rebuild and restart it (and regenerate
  // the bindings, which reloads the page) in the middle of a run.
  const args = ['dev', '-tags', 'webkit2_41', '-m', '-nogorebuild', '-nocolour'];
  fs.writeSync(logFd, `# ${wailsCommand(root)} ${args.join(' ')}\n# DISPLAY=${display} READYFOLIO_DATA_DIR=${dataDir} cwd=${root}\n`);
  const child = spawn(wailsCommand(root), args, {
    cwd: root,
    // GOTOOLCHAIN=auto lets go follow go.mod's toolchain line even where the installed Go
    // defaults to "local" (as this machine's go.env does).
    env: { ...process.env, GOTOOLCHAIN: 'auto', ...env, READYFOLIO_DATA_DIR: dataDir, DISPLAY: display },
    stdio: ['ignore', logFd, logFd],
    detached: true, // its own process group, so that stopApp can end everything it started
  });
  fs.closeSync(logFd);
  const handle = { pid: child.pid, child, url: DEV_URL, dataDir, display, xvfb, logFile, root };
  running.add(handle);
  installExitHooks();

  let spawnError = null;
  child.once('error', (err) => {
    spawnError = err;
  });
  const fail = async (message) => {
    await stopApp(handle).catch(() => {});
    throw new Error(`startApp: ${message}\n(log: ${logFile})\n${logTail(logFile)}`);
  };

  // 1. The dev server answers.
  for (;;) {
    if (spawnError) return fail(`cannot run wails (run 'make deps'): ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      return fail(`wails dev exited (status ${child.exitCode ?? child.signalCode}) before serving`);
    }
    if (Date.now() > deadline) return fail(`${DEV_URL} did not answer within ${timeoutMs / 1000} s`);
    try {
      const res = await fetch(`http://127.0.0.1:${DEV_PORT}/`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) break;
    } catch {
      // not up yet
    }
    await sleep(1_000);
  }

  // 2. The Go bindings are there (and wails dev is still running).
  let own = null;
  let error = null;
  const exited = new Promise((resolve) => child.once('exit', resolve)).then((code) => {
    throw new Error(`wails dev exited (status ${code ?? child.signalCode}) while the page loaded`);
  });
  exited.catch(() => {}); // only raced below
  try {
    let target = page;
    if (!target) {
      own = await withTimeout(launchBrowser(), 60_000, 'launching Chromium');
      target = own.page;
    }
    await Promise.race([gotoApp(target, { timeoutMs: Math.max(deadline - Date.now(), 10_000), readyCheck }), exited]);
  } catch (err) {
    error = err;
  }
  if (own) await closeBrowser(own.browser);
  if (error) return fail(`the bindings did not become ready: ${error.message}`);
  return handle;
}

/**
 * Stop what startApp started: SIGINT to wails dev (it stops Vite and the dev binary), then
 * SIGKILL to whatever is left after the timeout; waits until port 34115 is closed.
 */
export async function stopApp(handle, { timeoutMs = 30_000 } = {}) {
  if (!handle) return;
  const { child } = handle;
  // Vite runs in a process group of its own: remember every descendant before wails dev exits.
  const before = descendants(handle.pid);
  if (child.exitCode === null && child.signalCode === null) {
    signal(handle.pid, 'SIGINT');
    if (!(await waitForExit(child, timeoutMs))) {
      killHard(handle);
      await waitForExit(child, 5_000);
    }
  }
  // Anything left behind (the group, or a descendant that made its own group) is ended too.
  signal(-handle.pid, 'SIGTERM');
  for (const { pid } of before) if (alive(pid)) signal(pid, 'SIGTERM');
  await sleep(200);
  signal(-handle.pid, 'SIGKILL');
  for (const { pid } of before) if (alive(pid)) signal(pid, 'SIGKILL');

  const deadline = Date.now() + timeoutMs;
  while (await devPortOpen()) {
    if (Date.now() > deadline) {
      running.delete(handle);
      await stopXvfb(handle.xvfb);
      throw new Error(`stopApp: port ${DEV_PORT} still open ${timeoutMs / 1000} s after stopping wails dev`);
    }
    await sleep(250);
  }
  running.delete(handle);
  await stopXvfb(handle.xvfb);
}

/**
 * Start headless Chromium (Debian's /usr/bin/chromium) with a fresh profile.
 * Playwright's launch() gives every browser a new temporary user-data-dir and removes it on close.
 * @returns {Promise<{browser: import('playwright-core').Browser,
 *   context: import('playwright-core').BrowserContext, page: import('playwright-core').Page}>}
 */
export async function launchBrowser({ headless = true, viewport = { width: 1280, height: 800 } } = {}) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  try {
    const context = await withTimeout(browser.newContext({ viewport }), 30_000, 'opening a browser context');
    const page = await withTimeout(context.newPage(), 30_000, 'opening a page');
    return { browser, context, page };
  } catch (err) {
    await closeBrowser(browser);
    throw err;
  }
}

/** Load the app in page and wait until the Go bindings are ready. */
export async function gotoApp(page, { timeoutMs = START_TIMEOUT_MS, readyCheck = bindingsReady } = {}) {
  const deadline = Date.now() + timeoutMs;
  // The first load can race the dev server's start: retry navigation errors until the deadline.
  for (;;) {
    try {
      await page.goto(DEV_URL, { waitUntil: 'load', timeout: Math.max(deadline - Date.now(), 1_000) });
      break;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(1_000);
    }
  }
  await page.waitForFunction(readyCheck, null, {
    timeout: Math.max(deadline - Date.now(), 1_000),
    polling: 250,
  });
  return page;
}

/** A fresh, empty temporary folder (for a data dir); remove it with fs.rm(dir, {recursive: true}). */
export async function tempDir(prefix = 'readyfolio-e2e-') {
  return fsp.mkdtemp(path.join(os.tmpdir(), prefix));
}
