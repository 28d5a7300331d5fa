// One spec's life cycle for a11y.mjs and keyboard.mjs: a temporary folder, the app under
// `wails dev` and a browser page, the step being run (named in the failure), a screenshot on
// failure, and everything stopped and removed at the end.
//
//   await runSpec('keyboard', async ({ work, shots, log, open }) => {
//     log('start the app');
//     const page = await open({ dataDir, env });
//     ...
//   });
import fs from 'node:fs/promises';
import path from 'node:path';
import { closeBrowser, gotoApp, launchBrowser, REPO_ROOT, startApp, stopApp, tempDir } from './harness.mjs';

/** Runs body; sets process.exitCode to 1 if it throws. Screenshots go to build/e2e/a11y/. */
export async function runSpec(name, body) {
  const started = Date.now();
  const work = await tempDir(`readyfolio-${name}-`);
  const shots = path.join(REPO_ROOT, 'build', 'e2e', 'a11y');
  await fs.mkdir(shots, { recursive: true });
  let step = 'setup';
  let app = null;
  let browser = null;
  let page = null;
  const log = (s) => {
    step = s;
    console.log(`${name}: ${s}`);
  };
  /** Starts the app on dataDir and opens it in a fresh browser page. */
  const open = async ({ dataDir, env }) => {
    app = await startApp({ dataDir, env });
    ({ browser, page } = await launchBrowser());
    await gotoApp(page);
    return page;
  };
  try {
    await body({ work, shots, log, open });
    console.log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(0)} s; 1 passed, 0 failed`);
  } catch (err) {
    if (page) await page.screenshot({ path: path.join(shots, `${name}-failure.png`), fullPage: true }).catch(() => {});
    console.error(`${name}: failed at step "${step}": ${err.stack ?? err}`);
    if (app) console.error(`wails dev log: ${app.logFile}`);
    process.exitCode = 1;
  } finally {
    await closeBrowser(browser);
    await stopApp(app).catch((e) => console.error(String(e)));
    await fs.rm(work, { recursive: true, force: true });
  }
}
