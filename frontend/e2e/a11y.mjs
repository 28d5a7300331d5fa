// Accessibility of every main screen against the real Go backend (wails dev), in Debian's
// Chromium: axe-core finds no serious or critical violation in the light or the dark colour
// scheme, text at 200 % neither scrolls the page sideways nor cuts off or pushes text out of the
// window, and the coverage map tells covered from gap without colour. The data folder is filled
// with the CLI before the app starts (a profile, the demo portfolio, a signing identity, a signed
// PDF and package), so that every screen has content. Screenshots of every screen, light and
// dark, at 100 % and 200 %, go to build/e2e/a11y/.
//
// The welcome screen (a fresh data folder) is checked by keyboard.mjs, which starts from one.
//
//   node frontend/e2e/a11y.mjs        (make test-e2e)
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { a11yChecker } from './a11y-checks.mjs';
import { buildCli, cli } from './cli.mjs';
import { runSpec } from './spec.mjs';

const PASSPHRASE = 'Sonnenblumen im Mai, Łódź 2026';
const UNESCO = 'UNESCO AI Competency Framework for Teachers';

/** Set by runSpec: logs a step, which a failure then names. */
let log = console.log;

/** A place in the sidebar. */
async function goTo(page, place, heading = place) {
  await page.getByRole('navigation').getByRole('button', { name: place, exact: true }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

/** Fills dataDir with the CLI; returns the signed PDF's and the package's paths. */
async function seed(bin, work, dataDir) {
  log('seed the data folder with the CLI');
  const passFile = path.join(work, 'passphrase.txt');
  await fs.writeFile(passFile, PASSPHRASE, { mode: 0o600 });
  const run = (...args) => cli(bin, dataDir, args);
  run('profile', 'set', '--name', 'Zoë Ñúñez-Łukasz', '--role', 'Instructional Technology Coach', '--school', 'Riverside Middle School', '--district', 'Lakeview Unified', '--email', 'zoe@lakeview.example.org');
  run('demo', '--entries', '8', '--images', '2');
  run('identity', 'create', '--passphrase-file', passFile);
  const pdf = path.join(work, 'portfolio.pdf');
  const zip = path.join(work, 'package.zip');
  run('export', 'pdf', '--out', pdf, '--passphrase-file', passFile);
  run('export', 'package', '--out', zip, '--passphrase-file', passFile);
  return { pdf, zip };
}

/**
 * With every colour gone grey, the coverage map still says in words which competencies have
 * evidence (their entries and a count) and which are gaps ("No evidence yet").
 */
async function coverageWithoutColour(page) {
  log('coverage map without colour');
  const style = await page.addStyleTag({ content: 'html { filter: grayscale(1) !important; }' });
  const rows = await page.locator('tr.leaf').evaluateAll((trs) =>
    trs.map((tr) => ({
      text: tr.innerText.replace(/\s+/g, ' '),
      count: Number(tr.querySelector('td.count')?.textContent),
      retired: tr.classList.contains('retired'),
    })),
  );
  const gaps = rows.filter((r) => r.text.includes('No evidence yet'));
  const covered = rows.filter((r) => r.count > 0 && !r.text.includes('No evidence yet'));
  assert.ok(gaps.length > 0 && covered.length > 0, `the demo map has gaps and covered competencies: ${gaps.length}, ${covered.length}`);
  const neither = rows.filter((r) => !gaps.includes(r) && !covered.includes(r) && !r.retired);
  assert.deepEqual(neither, [], 'every competency says in words whether it has evidence');
  await style.evaluate((el) => el.remove());
}

/** Opens the menu of button afresh (it places itself in the window as it opens). */
async function openMenu(page, button) {
  await closeMenu(page);
  await button.click();
  await page.getByRole('menu').waitFor();
}

async function closeMenu(page) {
  if ((await page.getByRole('menu').count()) === 0) return;
  await page.keyboard.press('Escape');
  await page.getByRole('menu').waitFor({ state: 'detached' });
}

async function walk(page, checker, files) {
  log('portfolio');
  await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
  await page.getByRole('list', { name: 'Entries' }).getByRole('listitem').first().waitFor();
  await checker.screen('portfolio');

  log('portfolio: the "New entry" menu');
  await checker.screen('new-entry-menu', { fullPage: false, show: () => openMenu(page, page.getByRole('button', { name: 'New entry' })) });
  await closeMenu(page);

  log('entry editor (an AI pilot: the kind with the most fields)');
  const pilot = page.getByRole('list', { name: 'Entries' }).getByRole('listitem').filter({ hasText: 'AI pilot' }).first();
  await pilot.getByRole('button').first().click();
  await page.getByLabel('Title', { exact: true }).waitFor();
  await page.getByRole('region', { name: 'Competencies', exact: true }).getByRole('group').first().waitFor();
  await checker.screen('editor');

  log('entry editor: the align dialog');
  await page.getByRole('button', { name: 'Align to a competency…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Align to a competency', exact: true });
  await dialog.getByLabel('Framework', { exact: true }).selectOption({ label: UNESCO });
  await dialog.getByRole('radio').first().waitFor();
  await checker.screen('align-dialog', { fullPage: false });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  log('entry editor: move to trash (for the trash page)');
  await page.getByRole('button', { name: 'Move to trash', exact: true }).click();
  await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();

  log('coverage');
  await goTo(page, 'Coverage');
  await page.getByLabel('Framework', { exact: true }).selectOption({ label: UNESCO });
  await page.getByRole('table').waitFor();
  await checker.screen('coverage');
  log('coverage: the "Start an entry" menu of a gap');
  const start = page.getByRole('button', { name: /^Start an entry for / }).first();
  await checker.screen('coverage-gap-menu', { fullPage: false, show: () => openMenu(page, start) });
  await closeMenu(page);
  await coverageWithoutColour(page);

  log('export');
  await goTo(page, 'Export');
  await page.getByRole('region', { name: 'Estimate', exact: true }).getByText(/^About \d+ pages?/).waitFor({ timeout: 60_000 });
  await checker.screen('export');

  log('frameworks');
  await goTo(page, 'Frameworks');
  await checker.screen('frameworks');

  log('search');
  await goTo(page, 'Search');
  await page.getByRole('searchbox', { name: 'Search your portfolio' }).fill('AI');
  await page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first().waitFor();
  await checker.screen('search');

  log('profile');
  await goTo(page, 'Profile');
  await page.getByLabel('Name', { exact: true }).waitFor();
  await page.waitForFunction(() => document.querySelector('main input')?.value); // the profile is read
  await checker.screen('profile');

  log('signing identity');
  await goTo(page, 'Signing identity');
  await page.getByRole('region', { name: 'Your certificate', exact: true }).waitFor();
  await checker.screen('signing-identity');

  log('backups');
  await goTo(page, 'Backups');
  await page.getByRole('region', { name: 'Back up now', exact: true }).waitFor();
  await page.getByRole('region', { name: 'Restore', exact: true }).waitFor();
  await checker.screen('backups');

  log('trash');
  await goTo(page, 'Trash');
  await page.getByRole('list', { name: 'Entries in the trash' }).getByRole('listitem').first().waitFor();
  await checker.screen('trash');
  await page.getByRole('button', { name: /^Restore / }).first().click();
  await page.getByText('The trash is empty').or(page.getByRole('status')).first().waitFor();

  log('verify');
  await goTo(page, 'Verify', 'Verify a file');
  await checker.screen('verify');
  // The file picker answers with the PDF, then the package (READYFOLIO_TEST_PICK_FILES).
  const choose = page.getByRole('button', { name: 'Choose a PDF or package…', exact: true });
  await choose.click();
  await page.getByRole('region', { name: 'Valid signature', exact: true }).waitFor({ timeout: 60_000 });
  await page.getByText(files.pdf, { exact: true }).first().waitFor();
  await checker.screen('verify-pdf');
  await choose.click();
  await page.getByRole('region', { name: 'Valid package', exact: true }).waitFor({ timeout: 60_000 });
  await checker.screen('verify-package');

  log('reviewer mode');
  await page.getByRole('button', { name: 'Review the portfolio (read-only)', exact: true }).click();
  await page.getByRole('note', { name: 'Reviewer mode' }).waitFor({ timeout: 30_000 });
  await page.getByRole('article').first().waitFor();
  await checker.screen('reviewer');

  // Places added to the sidebar later are checked too, as they are when first shown.
  const checked = new Set(['Portfolio', 'Coverage', 'Export', 'Frameworks', 'Search', 'Profile', 'Signing identity', 'Backups', 'Trash', 'Verify']);
  const places = await page.getByRole('navigation', { name: 'Main' }).getByRole('button').evaluateAll((buttons) =>
    buttons.map((b) => {
      const copy = b.cloneNode(true);
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      return copy.textContent.trim();
    }),
  );
  for (const place of places.filter((p) => !checked.has(p))) {
    log(`${place} (a place not named above)`);
    await page.getByRole('navigation').getByRole('button', { name: place, exact: true }).click();
    await page.locator('main h1').first().waitFor();
    await page.waitForTimeout(1_000); // its data is read
    await checker.screen(place.toLowerCase());
  }
}

await runSpec('a11y', async ({ work, shots, log: logStep, open }) => {
  log = logStep;
  const dataDir = path.join(work, 'data');
  const bin = await buildCli(work);
  const files = await seed(bin, work, dataDir);
  log('start the app (wails dev)');
  const page = await open({ dataDir, env: { READYFOLIO_TEST_PICK_FILES: [files.pdf, files.zip].join(path.delimiter) } });
  const checker = a11yChecker(page, shots);
  await walk(page, checker, files);
  checker.assertClean();
  log(`${checker.timings.length} screens checked, light and dark, at 100 % and 200 % text`);
});
