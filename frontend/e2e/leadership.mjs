// End-to-end test of the evidence of leadership beyond the classroom, against the real Go
// backend: score an AI tool evaluation on the rubric and record policy work in the editor, see
// the impact at a glance on the dashboard follow, import a baked Open Badges PNG through the
// file picker and read what was and was not checked offline; then, on the command line, list six
// kinds of evidence and export the signed PDF, whose first page shows the impact figures.
//
//   node frontend/e2e/leadership.mjs        (part of make test-e2e)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildCli, cli } from './cli.mjs';
import { REPO_ROOT } from './harness.mjs';
import { runSpec } from './spec.mjs';

/** The badge testdata is made out to this address (hashed, salted). */
const EMAIL = 'ana.lima@example.org';
const BADGE = path.join(REPO_ROOT, 'backend', 'openbadges', 'testdata', 'ob2-baked.png');
const EVALUATION = 'Review of the QuillMate essay-feedback assistant';
const POLICY = 'Responsible AI use guidance for Lakeview';

async function waitSaved(page) {
  await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor({ timeout: 15_000 });
}

async function newEntry(page, kind, title) {
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByRole('menuitem', { name: kind, exact: true }).click();
  const field = page.getByLabel('Title', { exact: true });
  await field.waitFor();
  await field.fill(title);
}

async function backToPortfolio(page) {
  await page.getByRole('button', { name: 'Back to portfolio' }).click();
  await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
}

/** The dashboard's figures as "value label" lines. */
async function impactFigures(page) {
  const panel = page.getByRole('region', { name: 'Impact at a glance' });
  await panel.waitFor();
  return (await panel.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

await runSpec('leadership', async ({ work, shots, log, open }) => {
  log('a data folder with a profile, and the CLI');
  const bin = await buildCli(work);
  const dataDir = path.join(work, 'data');
  cli(bin, dataDir, ['profile', 'set', '--name', 'Ana Lima', '--role', 'Digital learning lead', '--email', EMAIL]);
  const badge = path.join(work, 'ai-pedagogy badge.png');
  await fs.copyFile(BADGE, badge);

  log('start the app');
  const page = await open({ dataDir, env: { READYFOLIO_TEST_PICK_FILES: badge } });
  await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
  await page.getByRole('region', { name: 'Impact at a glance' }).getByText(/figures appear here/).waitFor();

  log('score an AI tool evaluation on the rubric');
  await newEntry(page, 'AI tool evaluation', EVALUATION);
  await page.getByLabel('Tool', { exact: true }).fill('QuillMate');
  await page.getByLabel('Vendor', { exact: true }).fill('Quill Labs');
  await page.getByRole('group', { name: 'Score for Accuracy' }).getByRole('radio', { name: /^2 · Needs work/ }).check();
  await page.getByLabel('Notes on Accuracy').fill('Three of forty cited sources did not exist.');
  await page.getByRole('group', { name: 'Score for Student data privacy' }).getByRole('radio', { name: /^3 · Acceptable/ }).check();
  await page.getByRole('group', { name: 'Signed data-privacy agreement' }).getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('group', { name: 'Your recommendation' }).getByRole('radio', { name: 'Adopt', exact: true }).check();
  await page.getByText('2 of 6 criteria scored').first().waitFor();
  await waitSaved(page);
  await page.screenshot({ path: path.join(shots, 'leadership-evaluation.png'), fullPage: true });
  await backToPortfolio(page);

  log('record policy work');
  await newEntry(page, 'Policy or guidance work', POLICY);
  await page.getByLabel('Issued by', { exact: true }).fill('Lakeview Unified School District');
  await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Adopted' });
  await page.getByLabel('Your role', { exact: true }).selectOption({ label: 'Co-author' });
  await waitSaved(page);
  await backToPortfolio(page);

  log('the impact at a glance follows the evidence');
  let figures = await impactFigures(page);
  assert.ok(figures.includes('1 AI tool evaluated: 1 to adopt'), figures.join(' | '));
  assert.ok(figures.includes('1 policy or guidance document, 1 adopted or published'), figures.join(' | '));

  log('import a baked Open Badges PNG');
  await page.getByRole('navigation').getByRole('button', { name: 'Credentials' }).click();
  await page.getByRole('heading', { name: 'Credentials', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Import a badge…' }).click();
  await page.getByRole('heading', { name: 'AI in Pedagogy: Practitioner' }).waitFor({ timeout: 30_000 });
  // A badge just imported shows its details and checks at once.
  await page.getByRole('button', { name: 'Hide details of AI in Pedagogy: Practitioner', exact: true }).waitFor();
  await page.getByText(`It was issued to ${EMAIL}`, { exact: false }).waitFor();
  const findings = (await page.locator('.findings li').allInnerTexts()).join('\n');
  assert.match(findings, /Passed:.*issued to ana\.lima@example\.org/);
  assert.match(findings, /Not checked offline:.*revoked/);
  assert.match(findings, /Not checked offline:.*does not go online/);
  await page.screenshot({ path: path.join(shots, 'leadership-credentials.png'), fullPage: true });

  await page.getByRole('navigation').getByRole('button', { name: 'Portfolio', exact: true }).click();
  figures = await impactFigures(page);
  assert.ok(figures.includes('1 credential held'), figures.join(' | '));
  await page.screenshot({ path: path.join(shots, 'leadership-dashboard.png'), fullPage: true });
});

if (!process.exitCode) {
  await runSpec('leadership-cli', async ({ work, log }) => {
    log('demo, list --json shows six kinds; credentials import lists a baked PNG');
    const bin = await buildCli(work);
    const dataDir = path.join(work, 'data');
    cli(bin, dataDir, ['demo']);
    const kinds = new Set(JSON.parse(cli(bin, dataDir, ['list', '--json'])).map((e) => e.kind));
    assert.deepEqual([...kinds].sort(), ['ai_pilot', 'artifact', 'lesson_redesign', 'pd_led', 'policy_guidance', 'tool_evaluation']);
    cli(bin, dataDir, ['credentials', 'import', BADGE]);
    const listed = JSON.parse(cli(bin, dataDir, ['credentials', 'list', '--json'])).map((c) => c.name);
    assert.equal(listed.filter((n) => n === 'AI in Pedagogy: Practitioner').length, 2, listed.join(' | ')); // the demo's and this one

    log('the signed PDF opens with the impact figures');
    const pass = path.join(work, 'pass');
    await fs.writeFile(pass, 'correct horse battery staple 2026\n', { mode: 0o600 });
    cli(bin, dataDir, ['identity', 'create', '--passphrase-file', pass]);
    const pdf = path.join(work, 'interview.pdf');
    cli(bin, dataDir, ['export', 'pdf', '--preset', 'interview', '--out', pdf, '--passphrase-file', pass]);
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const want of ['IMPACT AT A GLANCE', 'AI tool evaluated', 'colleagues trained', 'credentials held']) {
      assert.ok(first.includes(want), `page 1 lacks "${want}": ${first}`);
    }
  });
}
