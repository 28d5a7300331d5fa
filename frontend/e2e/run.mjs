// End-to-end test of the foundation against the real Go backend (wails dev) in Debian's Chromium:
// complete the welcome, add one entry of each kind, attach an image through the file picker,
// find entries by search, align the pilot to a UNESCO competency and fill a gap from the coverage
// map, mark two entries ready, create a signing identity, export the signed Certification PDF (and
// check it with poppler's pdfsig, pdfinfo and pdftotext), export the submission package (and check
// it with unzip, sha256sum and openssl cms), restart the app, see everything still there, verify
// the PDF and the package with "Verify a file", and browse the package in reviewer mode. Then
// backups: the automatic backup made at the first start, "Back up now…", a new entry, a refused
// restore of the package (not a backup), the restore of the backup (the new entry gone, the
// others back, the replaced portfolio kept as backups/readyfolio-before-restore-….zip).
//
//   node frontend/e2e/run.mjs        (make test-e2e)
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gotoApp, launchBrowser, REPO_ROOT, startApp, stopApp, tempDir } from './harness.mjs';

const NAME = 'Zoë Ñúñez-Łukasz';
const ENTRIES = [
  { kind: 'AI pilot', title: 'Sunflower data chatbot pilot', field: 'Problem or goal', text: 'Students waited a week for feedback on photosynthesis labs.' },
  { kind: 'Lesson or assessment redesign', title: 'Lab report as oral defence', field: 'Redesign description', text: 'Students defend their own measurements aloud.' },
  { kind: 'Professional development led', title: 'Prompt lab for the science team', field: 'Audience', text: 'Science department, grades 6 to 8' },
  { kind: 'Other artifact', title: 'Letter from the principal', field: 'Description', text: 'Recognition of the district AI working group.' },
];
const REFLECTION = 'The logs of rejected suggestions became our best mini-lessons.';
const UNESCO = 'UNESCO AI Competency Framework for Teachers';
const PILOT_COMPETENCY = '4.2 AI-pedagogy integration';
const RATIONALE = 'Students questioned the chatbot’s feedback before revising their lab reports.';
const RATIONALE_MORE = ' Their revisions doubled in length.';
const EMAIL = 'zoe@lakeview.example.org';
/** Marked ready, so the Certification preset exports them; the others stay drafts. */
const READY = [ENTRIES[0], ENTRIES[1]];
const DRAFTS = [ENTRIES[2], ENTRIES[3]];
const PASSPHRASE = 'Sonnenblumen im Mai, Łódź 2026';
/** A SHA-256 certificate fingerprint as the pages show it (hex pairs and colons). */
const FINGERPRINT = /(?:[0-9A-F]{2}:){31}[0-9A-F]{2}/i;

let step = 'setup';
const log = (s) => {
  step = s;
  console.log(`e2e: ${s}`);
};

async function makeImage(dir) {
  const file = path.join(dir, 'classroom-photo.png');
  execFileSync('convert', ['-size', '320x200', 'gradient:#0f766e-#f0fdfa', '-fill', '#f59e0b', '-draw', 'circle 80,60 110,60', file]);
  return file;
}

async function completeWelcome(page) {
  log('welcome');
  await page.getByLabel('Name', { exact: true }).fill(NAME);
  await page.getByLabel('Role', { exact: true }).fill('Instructional Technology Coach');
  await page.getByLabel('School', { exact: true }).fill('Riverside Middle School');
  await page.getByLabel('District', { exact: true }).fill('Lakeview Unified');
  await page.getByLabel('Email', { exact: true }).fill(EMAIL);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
}

async function waitSaved(page) {
  await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor({ timeout: 15_000 });
}

async function addEntry(page, entry, imagePath) {
  log(`add ${entry.kind}`);
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByRole('menuitem', { name: entry.kind, exact: true }).click();
  const title = page.getByLabel('Title', { exact: true });
  await title.waitFor();
  await title.fill(entry.title);
  await page.getByLabel(entry.field, { exact: true }).fill(entry.text);
  const firstPrompt = page.locator('textarea').last();
  await firstPrompt.fill(REFLECTION);
  await page.getByText('9 words').first().waitFor();
  await waitSaved(page);
  if (imagePath) {
    log('attach an image through the file picker');
    await page.getByRole('button', { name: 'Choose files…' }).first().click();
    await page.getByRole('img', { name: /classroom-photo\.png/ }).first().waitFor({ timeout: 30_000 });
    const caption = page.getByLabel('Caption for classroom-photo.png');
    await caption.fill('Students at the sunflower station');
    await waitSaved(page);
  }
  await page.getByRole('button', { name: 'Back to portfolio' }).click();
  await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
}

async function search(page, query, expectedTitle) {
  log(`search "${query}"`);
  await page.getByRole('navigation').getByRole('button', { name: 'Search' }).click();
  const box = page.getByRole('searchbox', { name: 'Search your portfolio' });
  await box.fill('');
  await box.pressSequentially(query, { delay: 40 });
  await page.getByRole('list', { name: 'Search results' }).getByRole('button', { name: new RegExp(expectedTitle) }).first().waitFor();
}

async function openFromPortfolio(page, title) {
  await page.getByRole('navigation').getByRole('button', { name: 'Portfolio', exact: true }).click();
  await page.getByRole('list', { name: 'Entries' }).getByRole('button', { name: title, exact: true }).click();
  await page.getByLabel('Title', { exact: true }).waitFor();
}

/** The pilot's alignment to 4.2 in the editor's Competencies section. */
const pilotAlignment = (page) =>
  page.getByRole('region', { name: 'Competencies', exact: true }).getByRole('group', { name: PILOT_COMPETENCY, exact: true });

async function alignPilot(page) {
  log(`align the AI pilot to UNESCO ${PILOT_COMPETENCY}`);
  await openFromPortfolio(page, ENTRIES[0].title);
  const competencies = page.getByRole('region', { name: 'Competencies', exact: true });
  await competencies.getByRole('button', { name: 'Align to a competency…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Align to a competency', exact: true });
  await dialog.getByLabel('Framework', { exact: true }).selectOption({ label: UNESCO });
  await dialog.getByLabel('Find a competency', { exact: true }).pressSequentially('4.2', { delay: 40 });
  const radios = dialog.getByRole('radio');
  await radios.first().waitFor();
  assert.deepEqual(await radios.evaluateAll((rs) => rs.map((r) => r.labels[0].textContent.replace(/\s+/g, ' ').trim())), [PILOT_COMPETENCY]);
  await dialog.getByRole('radio', { name: PILOT_COMPETENCY, exact: true }).check();
  await dialog.getByLabel('Strength', { exact: true }).selectOption({ label: 'Deepen' });
  await dialog.getByLabel('How this shows the competency', { exact: true }).pressSequentially(RATIONALE, { delay: 5 });
  await dialog.getByRole('button', { name: 'Align', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });

  const alignment = pilotAlignment(page);
  await alignment.waitFor();
  assert.equal(await alignment.getByLabel('Strength', { exact: true }).inputValue(), 'deepen');
  const rationale = alignment.getByLabel('How this shows the competency', { exact: true });
  assert.equal(await rationale.inputValue(), RATIONALE);
  log('edit the rationale in place (autosave)');
  await rationale.press('End');
  await rationale.pressSequentially(RATIONALE_MORE, { delay: 10 });
  await alignment.getByRole('status').filter({ hasText: 'Saved' }).waitFor({ timeout: 15_000 });
  await page.screenshot({ path: path.join(REPO_ROOT, 'build', 'e2e', 'alignment.png'), fullPage: true });
}

async function openCoverage(page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Coverage', exact: true }).click();
  await page.getByRole('heading', { name: 'Coverage', level: 1 }).waitFor();
  await page.getByLabel('Framework', { exact: true }).selectOption({ label: UNESCO });
  await page.getByRole('table').waitFor();
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An entry's button in the coverage map: its title, then (after a comma) its strength. */
const evidenceButton = (row, title, strength) =>
  row.getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}\\s*,\\s*${strength}$`) });

/** The coverage map's row of one competency, found by its title. */
const coverageRow = (page, title) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title }) });

async function coverageMap(page, shots) {
  log('coverage map: the pilot is evidence for 4.2');
  await openCoverage(page);
  await page.getByText('1 of 15 competencies have evidence', { exact: true }).waitFor();
  const pilotRow = coverageRow(page, 'AI-pedagogy integration');
  await evidenceButton(pilotRow, ENTRIES[0].title, 'Deepen').waitFor();
  const agencyRow = coverageRow(page, 'Human agency');
  await agencyRow.getByText('No evidence yet').waitFor();

  log('coverage map: start an entry for the gap 1.1');
  await agencyRow.getByRole('button', { name: 'Start an entry for 1.1 Human agency', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Other artifact', exact: true }).click();
  const title = page.getByLabel('Title', { exact: true });
  await title.waitFor();
  const newTitle = await title.inputValue();
  assert.ok(newTitle.startsWith('Evidence for 1.1'), `the new entry is called "${newTitle}"`);
  await page
    .getByRole('region', { name: 'Competencies', exact: true })
    .getByRole('group', { name: '1.1 Human agency', exact: true })
    .waitFor();

  log('coverage map: the gap is filled');
  await openCoverage(page);
  await page.getByText('2 of 15 competencies have evidence', { exact: true }).waitFor();
  await evidenceButton(coverageRow(page, 'Human agency'), newTitle, 'Acquire').waitFor();
  await page.screenshot({ path: path.join(shots, 'coverage.png'), fullPage: true });
}

/** A place in the sidebar. */
async function goTo(page, place, heading = place) {
  await page.getByRole('navigation').getByRole('button', { name: place, exact: true }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

async function markReady(page, entry) {
  log(`mark "${entry.title}" ready`);
  await openFromPortfolio(page, entry.title);
  const sharing = page.getByRole('region', { name: 'Tags and sharing', exact: true });
  await sharing.getByLabel('Status', { exact: true }).selectOption({ label: 'Ready' });
  assert.ok(await sharing.getByLabel('Include in exports', { exact: true }).isChecked(), 'new entries are included in exports');
  await waitSaved(page);
  await page.getByRole('button', { name: 'Back to portfolio' }).click();
  await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
}

/** Creates the identity from the Export page's prompt; returns its SHA-256 fingerprint. */
async function createIdentity(page, shots) {
  log('export page: no signing identity yet');
  await goTo(page, 'Export');
  const sign = page.getByRole('region', { name: 'Sign and save', exact: true });
  await sign.getByText('You need a signing identity first.').waitFor();
  await sign.getByRole('button', { name: 'Set up a signing identity', exact: true }).click();

  log('create a signing identity');
  await page.getByRole('heading', { name: 'Signing identity', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Create a signing identity…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a signing identity', exact: true });
  await dialog
    .getByText(`${NAME} · ${EMAIL} · Riverside Middle School · Lakeview Unified`, { exact: false })
    .waitFor();
  await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await dialog.getByLabel('Repeat passphrase', { exact: true }).fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Create identity', exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: 30_000 });
  await page.getByRole('status').filter({ hasText: 'Your signing identity is ready.' }).waitFor();
  const cert = page.getByRole('region', { name: 'Your certificate', exact: true });
  await cert.getByRole('definition').filter({ hasText: NAME }).first().waitFor();
  await cert.getByRole('definition').filter({ hasText: EMAIL }).first().waitFor();
  await cert.getByText('Created in ReadyFolio', { exact: true }).waitFor();
  const fingerprint = (await cert.innerText()).match(FINGERPRINT)?.[0];
  assert.ok(fingerprint, 'the certificate shows its SHA-256 fingerprint');
  await page.screenshot({ path: path.join(shots, 'identity.png'), fullPage: true });
  return fingerprint;
}

/** Exports the Certification PDF to pdfPath (the save dialog's test answer); returns its page count. */
async function exportCertification(page, pdfPath, shots) {
  log('export the signed Certification PDF');
  await goTo(page, 'Export');
  await page.getByRole('radio', { name: /^Certification/ }).check();
  await page.getByRole('radio', { name: 'Letter', exact: true }).check();
  const estimate = page.getByRole('region', { name: 'Estimate', exact: true });
  await estimate.getByText(/^About \d+ pages? · .+ · 2 entries$/).waitFor({ timeout: 60_000 });
  const sign = page.getByRole('region', { name: 'Sign and save', exact: true });
  await sign.getByText(NAME, { exact: true }).waitFor(); // "Signed by …"
  await sign.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await sign.getByRole('button', { name: 'Export signed PDF…', exact: true }).click();

  const saved = sign.getByRole('heading', { name: 'Signed PDF saved', level: 3 });
  const failed = sign.getByRole('alert').filter({ hasText: 'The PDF was not saved.' });
  await saved.or(failed).waitFor({ timeout: 120_000 });
  if (await failed.isVisible()) assert.fail(`the export failed: ${await failed.innerText()}`);
  await sign.getByText(pdfPath, { exact: true }).waitFor();
  const pagesText = await sign.getByText(/^\d+ pages?$/).textContent();
  const pages = Number(pagesText.split(' ')[0]);
  assert.ok(pages >= 2, `the report says ${pagesText}`);
  await sign.getByText('2 entries', { exact: true }).waitFor();
  await sign.getByText('1 image', { exact: true }).waitFor();
  await sign.getByText(/^\d+ files? embedded$/).waitFor();
  assert.equal(await sign.getByText(/to check:/).count(), 0, 'the export has no warnings');
  assert.equal(await sign.getByLabel('Passphrase', { exact: true }).inputValue(), '', 'the passphrase is not kept');
  await page.screenshot({ path: path.join(shots, 'export.png'), fullPage: true });
  return pages;
}

const oneLine = (text) => text.replace(/\s+/g, ' ');

async function checkPdfFromOutside(pdfPath, pages) {
  log('check the PDF with pdfsig, pdfinfo and pdftotext');
  assert.ok((await fs.stat(pdfPath)).size > 0, `${pdfPath} is written`);
  // pdfsig's exit status also reflects the certificate's trust (self-signed), so read its output.
  const sig = spawnSync('pdfsig', [pdfPath], { encoding: 'utf8' });
  assert.ok(sig.stdout, `pdfsig printed nothing (status ${sig.status}): ${sig.stderr}`);
  assert.match(sig.stdout, /Signature is Valid\./, sig.stdout);
  assert.match(sig.stdout, /Total document signed/, sig.stdout);
  assert.match(sig.stdout, new RegExp(`Signer Certificate Common Name: ${escapeRegExp(NAME)}\\n`), sig.stdout);
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  assert.match(info, new RegExp(`^Pages:\\s+${pages}$`, 'm'), info);
  const text = oneLine(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }));
  assert.ok(text.includes(NAME), `the PDF's text names ${NAME}`);
  for (const entry of READY) assert.ok(text.includes(entry.title), `the PDF's text has "${entry.title}"`);
  for (const entry of DRAFTS) assert.ok(!text.includes(entry.title), `the PDF's text leaves out the draft "${entry.title}"`);
  // The draft filled a gap in the app's coverage map, but the PDF counts only what it holds.
  assert.ok(text.includes('1 of 15 competencies have evidence'), "the PDF's coverage counts only the exported entries");
}

async function verifyInApp(page, pdfPath, fingerprint, shots) {
  log('verify the PDF with "Verify a file"');
  await goTo(page, 'Verify', 'Verify a file');
  await page.getByRole('button', { name: 'Choose a PDF or package…', exact: true }).click();
  const valid = page.getByRole('region', { name: 'Valid signature', exact: true });
  const invalid = page.getByRole('region', { name: 'NOT valid', exact: true });
  const failed = page.getByRole('alert');
  await valid.or(invalid).or(failed).waitFor({ timeout: 30_000 });
  if (!(await valid.isVisible())) assert.fail(`the app does not call the PDF valid: ${await page.getByRole('main').innerText()}`);
  await valid.getByText(pdfPath, { exact: true }).waitFor();
  await valid.getByText(`Signed by ${NAME}, and nothing in the file changed after it was signed.`).waitFor();
  const signature = page.getByRole('region', { name: `Signature: ${NAME}`, exact: true });
  await signature.getByText('No problems found with this signature.').waitFor();
  await signature.getByRole('definition').filter({ hasText: EMAIL }).waitFor();
  // "Covers": the whole file, with the byte ranges in a detail line.
  await signature.getByRole('definition').filter({ hasText: /^The whole file\b/ }).filter({ hasText: 'the whole file except the signature value' }).waitFor();
  await signature.getByText('Unchanged since signing', { exact: true }).waitFor();
  assert.equal((await signature.innerText()).match(FINGERPRINT)?.[0], fingerprint, 'the same certificate as the identity page');
  await page.screenshot({ path: path.join(shots, 'verify.png'), fullPage: true });
}

/** Exports the submission package to zipPath (the save dialog's answer for *.zip). */
async function exportPackage(page, zipPath, shots) {
  log('export the submission package');
  await goTo(page, 'Export');
  await page.getByRole('radio', { name: /^Submission package \(\.zip\)/ }).check();
  const estimate = page.getByRole('region', { name: 'Estimate', exact: true });
  await estimate.getByText(/^About \d+ pages? · .+ · 2 entries$/).waitFor({ timeout: 60_000 });
  await estimate.getByText('The size counts the signed PDF and every original file.').waitFor();
  const sign = page.getByRole('region', { name: 'Sign and save', exact: true });
  await sign.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await sign.getByRole('button', { name: 'Export signed package…', exact: true }).click();

  const saved = sign.getByRole('heading', { name: 'Submission package saved', level: 3 });
  const failed = sign.getByRole('alert').filter({ hasText: 'The package was not saved.' });
  await saved.or(failed).waitFor({ timeout: 120_000 });
  if (await failed.isVisible()) assert.fail(`the package export failed: ${await failed.innerText()}`);
  await sign.getByText(zipPath, { exact: true }).waitFor();
  await sign.getByText('2 entries', { exact: true }).waitFor();
  await sign.getByText('1 original file', { exact: true }).waitFor();
  await sign.getByText(/^signed PDF of \d+ pages$/).waitFor();
  await sign.getByText(/^\d+(\.\d)? (KB|MB)$/).waitFor();
  assert.equal(await sign.getByLabel('Passphrase', { exact: true }).inputValue(), '', 'the passphrase is not kept');
  await page.screenshot({ path: path.join(shots, 'export-package.png'), fullPage: true });
}

const sha256 = async (file) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

/** Checks the package as a certifying body would, with nothing of ReadyFolio's: unzip, sha256sum, openssl. */
async function checkPackageFromOutside(zipPath, imagePath, work) {
  log('check the package with unzip, sha256sum -c and openssl cms');
  const out = path.join(work, 'unzipped');
  await fs.mkdir(out);
  execFileSync('unzip', ['-q', zipPath, '-d', out]);
  const tops = await fs.readdir(out);
  assert.equal(tops.length, 1, `the package holds one top folder, not ${tops}`);
  const bag = path.join(out, tops[0]);
  const run = (cmd, args) => spawnSync(cmd, args, { cwd: bag, encoding: 'utf8' });
  for (const manifest of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
    const check = run('sha256sum', ['-c', '--strict', manifest]);
    assert.equal(check.status, 0, `sha256sum -c ${manifest}: ${check.stdout}${check.stderr}`);
    assert.doesNotMatch(check.stdout, /FAILED/, check.stdout);
  }
  const cms = run('openssl', [
    'cms', '-verify', '-binary', '-inform', 'DER', '-in', 'tagmanifest-sha256.txt.p7s',
    '-content', 'tagmanifest-sha256.txt', '-CAfile', 'signer-cert.pem', '-purpose', 'any', '-out', '/dev/null',
  ]);
  assert.equal(cms.status, 0, `openssl cms -verify: ${cms.stderr}`);
  assert.match(cms.stderr, /Verification successful/, cms.stderr);
  const manifest = await fs.readFile(path.join(bag, 'manifest-sha256.txt'), 'utf8');
  const imageSum = await sha256(imagePath);
  assert.match(manifest, new RegExp(`^${imageSum}\\s+data/artifacts/.+/classroom-photo\\.png$`, 'm'), 'the original image is in the package, unchanged');
  const json = JSON.parse(await fs.readFile(path.join(bag, 'data', 'portfolio.json'), 'utf8'));
  assert.equal(json.profile.name, NAME);
  assert.deepEqual(json.entries.map((e) => e.title), READY.map((e) => e.title), 'portfolio.json holds the ready entries only');
  const sig = spawnSync('pdfsig', [path.join(bag, 'data', 'portfolio.pdf')], { encoding: 'utf8' });
  assert.match(sig.stdout, /Signature is Valid\./, sig.stdout);
  await fs.access(path.join(bag, 'data', 'index.html'));
}

async function verifyPackageInApp(page, zipPath, fingerprint, shots) {
  log('verify the package with "Verify a file"');
  await goTo(page, 'Verify', 'Verify a file');
  await page.getByRole('button', { name: 'Choose a PDF or package…', exact: true }).click();
  const valid = page.getByRole('region', { name: 'Valid package', exact: true });
  const invalid = page.getByRole('region', { name: 'NOT valid', exact: true });
  const failed = page.getByRole('alert');
  await valid.or(invalid).or(failed).waitFor({ timeout: 60_000 });
  if (!(await valid.isVisible())) assert.fail(`the app does not call the package valid: ${await page.getByRole('main').innerText()}`);
  await valid.getByText(zipPath, { exact: true }).waitFor();
  await valid.getByText(`Signed by ${NAME}. Every file in the package is the one they signed`, { exact: false }).waitFor();
  const holds = page.getByRole('region', { name: 'What the package holds', exact: true });
  await holds.getByRole('definition').filter({ hasText: NAME }).waitFor();
  await holds.getByRole('definition').filter({ hasText: '2 entries, 1 original file' }).waitFor();
  const pkg = page.getByRole('region', { name: `Package signature: ${NAME}`, exact: true });
  await pkg.getByText('No problems found with this signature.').waitFor();
  await pkg.getByText('tagmanifest-sha256.txt.p7s', { exact: true }).waitFor();
  assert.equal((await pkg.innerText()).match(FINGERPRINT)?.[0], fingerprint, 'the package is signed by the identity');
  const pdf = page.getByRole('region', { name: `PDF signature: ${NAME}`, exact: true });
  await pdf.getByText('No problems found with this signature.').waitFor();
  assert.equal((await pdf.innerText()).match(FINGERPRINT)?.[0], fingerprint, 'the PDF inside is signed by the identity');
  await page.screenshot({ path: path.join(shots, 'package-verify.png'), fullPage: true });
}

async function reviewPackage(page, imagePath, openLog, shots) {
  log('reviewer mode: browse the package read-only');
  await page.getByRole('button', { name: 'Review the portfolio (read-only)', exact: true }).click();
  await page.getByRole('heading', { name: NAME, level: 1 }).waitFor({ timeout: 30_000 });
  await page.getByRole('note', { name: 'Reviewer mode' }).getByText('Reviewing a package — read-only').waitFor();
  const pilot = page.getByRole('article', { name: ENTRIES[0].title, exact: true });
  await pilot.getByRole('heading', { name: ENTRIES[0].title, level: 3 }).waitFor();
  await pilot.getByText(ENTRIES[0].text, { exact: true }).waitFor();
  await pilot.getByText(REFLECTION, { exact: true }).first().waitFor();
  await pilot.getByText(PILOT_COMPETENCY, { exact: true }).waitFor();
  await page.getByRole('article', { name: ENTRIES[1].title, exact: true }).waitFor();
  for (const entry of DRAFTS) assert.equal(await page.getByRole('article', { name: entry.title }).count(), 0, `the draft "${entry.title}" is not in the package`);
  assert.equal(await page.locator('main').locator('input, textarea, select, [contenteditable="true"]').count(), 0, 'reviewer mode has no editing controls');

  log('reviewer mode: open the original image outside the app');
  await pilot.getByRole('button', { name: 'Open classroom-photo.png', exact: true }).click();
  let opened = '';
  for (let i = 0; i < 50 && !opened; i++) {
    opened = (await fs.readFile(openLog, 'utf8').catch(() => '')).trim();
    if (!opened) await new Promise((r) => setTimeout(r, 200));
  }
  assert.match(opened, /^file:\/\/.+\/classroom-photo\.png$/, `the system's opener got ${opened}`);
  const copy = fileURLToPath(opened);
  assert.equal(await sha256(copy), await sha256(imagePath), 'the copy handed to the viewer is the original');
  assert.equal(((await fs.stat(copy)).mode & 0o222), 0, 'the copy is read-only');
  // The app removes such copies when its window closes; stopping wails dev with a signal skips that.
  await fs.rm(path.dirname(copy), { recursive: true, force: true });
  // From the top, where the sticky "Reviewing a package" bar sits in its place.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, 'reviewer.png'), fullPage: true });

  await page.getByRole('button', { name: 'Back to the verification', exact: true }).click();
  await page.getByRole('region', { name: 'Valid package', exact: true }).waitFor();
}

async function checkEverythingIsThere(page) {
  log('after restart: the portfolio is intact');
  await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
  const list = page.getByRole('list', { name: 'Entries' });
  for (const entry of ENTRIES) {
    await list.getByRole('button', { name: entry.title, exact: true }).waitFor();
  }
  await list.getByRole('button', { name: ENTRIES[0].title, exact: true }).click();
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), ENTRIES[0].title);
  assert.equal(await page.getByLabel(ENTRIES[0].field, { exact: true }).inputValue(), ENTRIES[0].text);
  await page.getByRole('img', { name: 'Students at the sunflower station' }).waitFor();
  assert.equal(await page.getByLabel('Caption for classroom-photo.png').inputValue(), 'Students at the sunflower station');
  const alignment = pilotAlignment(page);
  await alignment.waitFor();
  assert.equal(await alignment.getByLabel('Strength', { exact: true }).inputValue(), 'deepen');
  assert.equal(await alignment.getByLabel('How this shows the competency', { exact: true }).inputValue(), RATIONALE + RATIONALE_MORE);
  await page.getByRole('button', { name: 'Back to portfolio' }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Profile' }).click();
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), NAME);
}

/** Today in the local time zone, YYYY-MM-DD: the day the app names its automatic backup after. */
function localDay(d = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The app backs up the folder in the background once it has opened it. */
async function checkAutomaticBackup(dataDir) {
  log('the first start made the automatic backup');
  const file = path.join(dataDir, 'backups', `readyfolio-${localDay()}.zip`);
  for (let i = 0; i < 150; i++) {
    if (await fs.stat(file).then((st) => st.size > 0, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const names = await fs.readdir(path.join(dataDir, 'backups')).catch(() => []);
  assert.ok(names.includes(path.basename(file)), `backups/ holds ${names.join(', ') || 'nothing'}, not ${path.basename(file)}`);
  assert.equal(((await fs.stat(file)).mode & 0o077), 0, 'the automatic backup is private');
}

const ADDED = { kind: 'Other artifact', title: 'Added after the backup', field: 'Description', text: 'This entry must go away with the restore.' };

async function backupAndRestore(page, dataDir, backupPath, zipPath, shots) {
  log('backups page: the automatic backup is listed');
  await goTo(page, 'Backups');
  const kept = page.getByRole('list', { name: 'Backups in the data folder' });
  await kept.getByRole('button', { name: new RegExp(`\\(readyfolio-${localDay()}\\.zip\\)…$`) }).waitFor();
  await page.getByText(/^Today's automatic backup was made (earlier today|when ReadyFolio started)\.$/).waitFor();

  log('back up now');
  const now = page.getByRole('region', { name: 'Back up now', exact: true });
  await now.getByRole('button', { name: 'Back up now…', exact: true }).click();
  const saved = now.getByRole('heading', { name: 'Backup saved', level: 3 });
  const failed = now.getByRole('alert').filter({ hasText: 'The backup was not saved.' });
  await saved.or(failed).waitFor({ timeout: 120_000 });
  if (await failed.isVisible()) assert.fail(`the backup failed: ${await failed.innerText()}`);
  await now.getByText(backupPath, { exact: true }).waitFor();
  await now.getByText('5 entries', { exact: true }).waitFor();
  await now.getByText('signing identity included', { exact: true }).waitFor();
  await now.getByText('read back and verified', { exact: true }).waitFor();
  assert.ok((await fs.stat(backupPath)).size > 0, `${backupPath} is written`);

  await goTo(page, 'Portfolio');
  await addEntry(page, ADDED, null);

  log('restore: a submission package is refused, nothing changes');
  await goTo(page, 'Backups');
  const restore = page.getByRole('region', { name: 'Restore', exact: true });
  await restore.getByRole('button', { name: 'Restore from a file…', exact: true }).click();
  const refused = restore.getByRole('alert').filter({ hasText: 'This backup cannot be restored.' });
  await refused.waitFor({ timeout: 60_000 });
  assert.match(await refused.innerText(), /is a submission package, not a backup/);
  assert.ok((await refused.innerText()).includes(zipPath), 'the message names the file');

  log('restore the backup: check, confirm, restore');
  await restore.getByRole('button', { name: 'Restore from a file…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?', exact: true });
  await dialog.waitFor({ timeout: 60_000 });
  const what = oneLine(await dialog.innerText());
  assert.match(
    what,
    /Your current portfolio \(6 entries\) will be backed up to backups\/readyfolio-before-restore-… first, then replaced by the backup from .+: 5 entries, \d+ files?\./,
    what,
  );
  assert.ok(what.includes(backupPath), 'the dialog names the file');
  await page.screenshot({ path: path.join(shots, 'backups-confirm.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  const restored = restore.getByRole('heading', { name: 'Portfolio restored', level: 3 });
  const notRestored = restore.getByRole('alert').filter({ hasText: /cannot be restored|did not happen/ });
  await restored.or(notRestored).waitFor({ timeout: 120_000 });
  if (await notRestored.isVisible()) assert.fail(`the restore failed: ${await notRestored.innerText()}`);
  const result = oneLine(await restored.locator('..').innerText());
  const previous = result.match(/backed up first to (\S+readyfolio-before-restore-\S+\.zip)\./)?.[1];
  assert.ok(previous, `the result says where the previous portfolio went: ${result}`);
  assert.equal(path.dirname(previous), path.join(dataDir, 'backups'));
  await kept.getByRole('button', { name: new RegExp(`\\(${escapeRegExp(path.basename(previous))}\\)…$`) }).waitFor();
  await page.screenshot({ path: path.join(shots, 'backups.png'), fullPage: true });

  log('after the restore: the safety backup is in backups/, the new entry is gone');
  const names = await fs.readdir(path.join(dataDir, 'backups'));
  assert.ok(names.some((n) => /^readyfolio-before-restore-\d{4}-\d{2}-\d{2}-\d{6}(-\d+)?\.zip$/.test(n)), `backups/ holds ${names}`);
  assert.ok(names.includes(`readyfolio-${localDay()}.zip`), `backups/ still holds today's automatic backup: ${names}`);
  await goTo(page, 'Portfolio');
  const list = page.getByRole('list', { name: 'Entries' });
  for (const entry of ENTRIES) await list.getByRole('button', { name: entry.title, exact: true }).waitFor();
  assert.equal(await list.getByRole('button', { name: ADDED.title, exact: true }).count(), 0, 'the entry added after the backup is gone');
  await search(page, 'sunflow', ENTRIES[0].title);
}

async function main() {
  const work = await tempDir();
  const dataDir = path.join(work, 'data');
  const imagePath = await makeImage(work);
  const shots = path.join(REPO_ROOT, 'build', 'e2e');
  await fs.mkdir(shots, { recursive: true });
  const pdfPath = path.join(work, 'Zoë certification.pdf');
  const zipPath = path.join(work, 'Zoë package.zip');
  const openLog = path.join(work, 'opened.txt');
  const backupPath = path.join(work, 'Zoë backup.zip');
  // The save dialog answers with the first listed path its pattern accepts: *.pdf, then *.zip.
  const env = {
    READYFOLIO_TEST_PICK_FILES: imagePath,
    READYFOLIO_TEST_SAVE_FILE: [pdfPath, zipPath].join(path.delimiter),
  };
  let app = null;
  let browser = null;
  let page = null;
  try {
    log('start the app (wails dev)');
    app = await startApp({ dataDir, env });
    ({ browser, page } = await launchBrowser());
    await gotoApp(page);
    await completeWelcome(page);
    await checkAutomaticBackup(dataDir);
    for (const [i, entry] of ENTRIES.entries()) {
      await addEntry(page, entry, i === 0 ? imagePath : null);
    }
    await page.screenshot({ path: path.join(shots, 'portfolio.png'), fullPage: true });
    await search(page, 'sunflow', ENTRIES[0].title);
    await search(page, 'classroom-photo', ENTRIES[0].title);
    await search(page, 'defence', ENTRIES[1].title);
    await alignPilot(page);
    await coverageMap(page, shots);
    for (const entry of READY) await markReady(page, entry);
    const fingerprint = await createIdentity(page, shots);
    const pages = await exportCertification(page, pdfPath, shots);
    await checkPdfFromOutside(pdfPath, pages);
    await exportPackage(page, zipPath, shots);
    await checkPackageFromOutside(zipPath, imagePath, work);

    // The file pickers answer with READYFOLIO_TEST_PICK_FILES, read from the app's environment:
    // the image until now ("Choose files…" attaches every path, so the list held only it); after
    // the restart the exported PDF and package, which "Verify a file" (a single-file dialog) gets
    // in turn, then the package again and the backup to "Restore from a file…". The save dialog
    // answers with the backup's path. READYFOLIO_TEST_OPEN_LOG takes what would go to the
    // system's opener.
    log('restart the app');
    await browser.close();
    browser = null;
    await stopApp(app);
    app = await startApp({
      dataDir,
      env: {
        READYFOLIO_TEST_PICK_FILES: [pdfPath, zipPath, zipPath, backupPath].join(path.delimiter),
        READYFOLIO_TEST_SAVE_FILE: backupPath,
        READYFOLIO_TEST_OPEN_LOG: openLog,
      },
    });
    ({ browser, page } = await launchBrowser());
    await gotoApp(page);
    await checkEverythingIsThere(page);
    await page.screenshot({ path: path.join(shots, 'after-restart.png'), fullPage: true });
    await verifyInApp(page, pdfPath, fingerprint, shots);
    await verifyPackageInApp(page, zipPath, fingerprint, shots);
    await reviewPackage(page, imagePath, openLog, shots);
    await backupAndRestore(page, dataDir, backupPath, zipPath, shots);
    console.log('e2e: 1 passed, 0 failed');
  } catch (err) {
    if (page) await page.screenshot({ path: path.join(shots, 'failure.png'), fullPage: true }).catch(() => {});
    console.error(`e2e: failed at step "${step}": ${err.stack ?? err}`);
    if (app) console.error(`wails dev log: ${app.logFile}`);
    process.exitCode = 1;
  } finally {
    await browser?.close().catch(() => {});
    await stopApp(app).catch((e) => console.error(String(e)));
    await fs.rm(work, { recursive: true, force: true });
  }
}

await main();
