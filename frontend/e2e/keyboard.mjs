// Keyboard only, against the real Go backend (wails dev) in Debian's Chromium: complete the
// welcome, create an entry from the "New entry" menu, attach a file through the file picker,
// align the entry to a competency in the dialog, mark it ready and export the signed PDF, with
// nothing but page.keyboard (Tab, Shift+Tab, Enter, Space, arrows, Escape and typing): no click,
// no fill. At each stop the focused element must show a focus indicator. Then the results are
// checked: the entry is listed, the file attached, the alignment shown, the PDF written and
// `pdfsig` calls its signature valid. The signing identity is made with the CLI before the app
// starts (its passphrase is typed into the Export page). The welcome screen, which only a fresh
// data folder shows, also gets its accessibility checks here (axe light and dark, 200 % text).
//
//   node frontend/e2e/keyboard.mjs        (make test-e2e)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { a11yChecker } from './a11y-checks.mjs';
import { buildCli, cli } from './cli.mjs';
import { runSpec } from './spec.mjs';

const NAME = 'Amara Okafor-Lindqvist';
const PASSPHRASE = 'Keyboard only, all the way 2026';
const TITLE = 'Peer feedback with an AI rubric';
const COMPETENCY = '4.2 AI-pedagogy integration';
const RATIONALE = 'Students compared the rubric’s feedback with their own.';
/** Tab stops allowed while looking for one control. */
const MAX_TABS = 80;

/** Set by runSpec: logs a step, which a failure then names. */
let log = console.log;

/** What the focused element is called: its aria-label, its label, or its text. Runs in the page. */
const focusedName = () => {
  const el = document.activeElement;
  if (!el || el === document.body) return '';
  const labelled = el.getAttribute('aria-labelledby');
  const visibleText = (node) => {
    const copy = node.cloneNode(true);
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return copy.textContent ?? '';
  };
  const text =
    el.getAttribute('aria-label') ??
    (labelled ? labelled.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : null) ??
    (el.labels?.[0] ? visibleText(el.labels[0]) : visibleText(el));
  return text.replace(/\s+/g, ' ').trim();
};

/** Whether the focused element shows a focus indicator: an outline, or a box shadow. Runs in the page. */
const focusIndicator = () => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'nothing has focus';
  const own = getComputedStyle(el);
  const after = getComputedStyle(el, '::after');
  const shows = (s) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none');
  if (shows(own) || shows(after)) return '';
  return `<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 40)}" has outline ${own.outlineStyle} ${own.outlineWidth} and box-shadow ${own.boxShadow}`;
};

async function assertFocusVisible(page, what) {
  const problem = await page.evaluate(focusIndicator);
  assert.equal(problem, '', `the focus on ${what} is visible`);
}

const matches = (name, target) => (target instanceof RegExp ? target.test(name) : name === target);

/**
 * Presses Tab (or Shift+Tab) until the focused element is called target; checks that the focus
 * shows there. Fails after MAX_TABS presses: the control cannot be reached by keyboard.
 */
async function tabTo(page, target, { back = false } = {}) {
  const seen = [];
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const name = await page.evaluate(focusedName);
    if (matches(name, target)) {
      await assertFocusVisible(page, `"${name}"`);
      return;
    }
    seen.push(name);
  }
  assert.fail(`"${target}" cannot be reached with ${back ? 'Shift+Tab' : 'Tab'}; the focus went through: ${seen.join(' | ')}`);
}

/** Replaces the text of the focused field by typing. */
async function typeInto(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text, { delay: 5 });
}

async function focusedValue(page) {
  return page.evaluate(() => /** @type {HTMLInputElement} */ (document.activeElement).value);
}

async function welcome(page, checker) {
  log('welcome: accessibility checks');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await checker.screen('welcome');
  log('welcome: fill in the profile');
  for (const [label, text] of [
    ['Name', NAME],
    ['Role', 'Digital Learning Lead'],
    ['School', 'Northgate High School'],
    ['Email', 'amara@northgate.example.org'],
  ]) {
    await tabTo(page, label);
    await page.keyboard.type(text, { delay: 5 });
  }
  await tabTo(page, 'Continue');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
}

async function newEntry(page) {
  log('new entry from the menu (arrows, Escape, Enter)');
  await tabTo(page, 'New entry');
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'New entry' });
  await menu.waitFor();
  assert.equal(await page.evaluate(focusedName), 'AI pilot', 'the menu focuses its first item');
  await assertFocusVisible(page, 'the first menu item');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(focusedName), 'Lesson or assessment redesign');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(focusedName), 'Other artifact');
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(focusedName), 'New entry', 'Escape returns the focus to the menu button');
  await page.keyboard.press('ArrowDown');
  await menu.waitFor();
  await page.keyboard.press('Enter'); // AI pilot
  await page.getByLabel('Title', { exact: true }).waitFor();

  log('type the title');
  await tabTo(page, 'Title');
  await typeInto(page, TITLE);
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
}

async function attach(page, imageName) {
  log('attach a file through the picker');
  await tabTo(page, 'Choose files…');
  await page.keyboard.press('Enter');
  await page.getByRole('img', { name: new RegExp(imageName.replace('.', '\\.')) }).first().waitFor({ timeout: 30_000 });
  await tabTo(page, `Caption for ${imageName}`);
  await page.keyboard.type('The rubric on the board', { delay: 5 });
}

async function align(page) {
  log('align to a competency in the dialog');
  await tabTo(page, 'Align to a competency…');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Align to a competency', exact: true });
  await dialog.waitFor();
  assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'the dialog takes the focus');

  log('the dialog keeps the focus in, and Escape gives it back');
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'Tab stays inside the dialog');
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(focusedName), 'Align to a competency…', 'the focus is back on the button that opened the dialog');
  await page.keyboard.press('Enter');
  await dialog.waitFor();

  await tabTo(page, 'Framework');
  // A closed select takes typed letters: "U" picks UNESCO.
  await page.keyboard.type('U');
  await tabTo(page, 'Find a competency');
  await page.keyboard.type('4.2', { delay: 20 });
  await dialog.getByRole('radio', { name: COMPETENCY, exact: true }).waitFor();
  await tabTo(page, COMPETENCY);
  await page.keyboard.press('Space');
  assert.ok(await dialog.getByRole('radio', { name: COMPETENCY, exact: true }).isChecked(), 'Space chooses the competency');
  await tabTo(page, 'Strength');
  await page.keyboard.type('D'); // Deepen
  await tabTo(page, 'How this shows the competency');
  await page.keyboard.type(RATIONALE, { delay: 2 });
  await tabTo(page, 'Align');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  const alignment = page.getByRole('region', { name: 'Competencies', exact: true }).getByRole('group', { name: COMPETENCY, exact: true });
  await alignment.waitFor();
  assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'the focus is not lost after aligning');
}

async function markReady(page) {
  log('mark the entry ready');
  await tabTo(page, 'Status');
  await page.keyboard.type('R'); // Ready
  assert.equal(await focusedValue(page), 'ready');
  await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor({ timeout: 15_000 });
}

async function exportPdf(page, pdfPath) {
  log('export the signed PDF');
  await tabTo(page, 'Export', { back: true });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Export', level: 1 }).waitFor();
  const estimate = page.getByRole('region', { name: 'Estimate', exact: true });
  await estimate.getByText(/^About \d+ pages? · .+ · 1 entry$/).waitFor({ timeout: 60_000 });
  await tabTo(page, 'Passphrase');
  await page.keyboard.type(PASSPHRASE, { delay: 2 });
  await tabTo(page, 'Export signed PDF…');
  await page.keyboard.press('Enter');
  const sign = page.getByRole('region', { name: 'Sign and save', exact: true });
  const saved = sign.getByRole('heading', { name: 'Signed PDF saved', level: 3 });
  const failed = sign.getByRole('alert');
  await saved.or(failed).waitFor({ timeout: 120_000 });
  if (await failed.isVisible()) assert.fail(`the export failed: ${await failed.innerText()}`);
  await sign.getByText(pdfPath, { exact: true }).waitFor();
}

async function checkResults(page, pdfPath, imageName) {
  log('the results');
  const pdfsig = execFileSync('pdfsig', [pdfPath], { encoding: 'utf8' });
  assert.match(pdfsig, /Signature is Valid\./, pdfsig);
  assert.match(pdfsig, /Total document signed/, pdfsig);
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.ok(text.includes(TITLE), 'the PDF holds the entry');
  assert.ok(text.includes('AI-pedagogy integration'), 'the PDF holds the alignment');

  await tabTo(page, 'Portfolio', { back: true });
  await page.keyboard.press('Enter');
  const entry = page.getByRole('list', { name: 'Entries' }).getByRole('button', { name: TITLE, exact: true });
  await entry.waitFor();
  await tabTo(page, TITLE);
  await page.keyboard.press('Enter');
  await page.getByRole('img', { name: 'The rubric on the board' }).waitFor();
  assert.equal(await page.getByLabel(`Caption for ${imageName}`).inputValue(), 'The rubric on the board');
  await page.getByRole('region', { name: 'Competencies', exact: true }).getByRole('group', { name: COMPETENCY, exact: true }).waitFor();
}

await runSpec('keyboard', async ({ work, shots, log: logStep, open }) => {
  log = logStep;
  const dataDir = path.join(work, 'data');
  const imageName = 'rubric.png';
  const imagePath = path.join(work, imageName);
  const pdfPath = path.join(work, 'keyboard.pdf');
  log('make the signing identity with the CLI');
  execFileSync('convert', ['-size', '240x160', 'gradient:#1e3a8a-#dbeafe', imagePath]);
  const bin = await buildCli(work);
  const passFile = path.join(work, 'passphrase.txt');
  await fs.writeFile(passFile, PASSPHRASE, { mode: 0o600 });
  cli(bin, dataDir, ['identity', 'create', '--name', NAME, '--email', 'amara@northgate.example.org', '--passphrase-file', passFile]);

  log('start the app (wails dev)');
  const page = await open({ dataDir, env: { READYFOLIO_TEST_PICK_FILES: imagePath, READYFOLIO_TEST_SAVE_FILE: pdfPath } });
  const checker = a11yChecker(page, shots, { log: (s) => console.log(`keyboard: ${s}`) });
  await welcome(page, checker);
  checker.assertClean();
  await newEntry(page);
  await attach(page, imageName);
  await align(page);
  await markReady(page);
  await exportPdf(page, pdfPath);
  await checkResults(page, pdfPath, imageName);
});
