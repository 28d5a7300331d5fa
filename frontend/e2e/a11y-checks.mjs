// Accessibility checks shared by the a11y and keyboard specs: axe-core (through
// @axe-core/playwright) in the light and the dark colour scheme, text at 200 %, and screenshots of
// each state for a person to look at.
//
//   const checker = a11yChecker(page, shotsDir);
//   await checker.screen('portfolio');          // axe light + dark, 200 % light + dark, 4 shots
//   checker.assertClean();                      // throws with every problem found on any screen
import assert from 'node:assert/strict';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';

/** The WCAG 2.x A and AA rules and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** Impacts that fail the run; moderate and minor ones are printed only. */
const FAILING = new Set(['serious', 'critical']);
export const SCHEMES = ['light', 'dark'];
/** Text zoom: the root font size; every length in the app's CSS is in rem or em. */
const ZOOM_STYLE_ID = 'e2e-text-zoom';

/** Runs axe on the page as it is; returns its violations. */
export async function axeViolations(page) {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations;
}

function describe(violation) {
  const nodes = violation.nodes
    .slice(0, 4)
    .map((n) => `      ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`)
    .join('\n');
  return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.nodes.length} node(s))\n${nodes}`;
}

/** Sets the root font size to percent % (100 removes the override) and waits for layout. */
export async function setTextZoom(page, percent) {
  await page.evaluate(
    ({ id, percent }) => {
      document.getElementById(id)?.remove();
      if (percent === 100) return;
      const style = document.createElement('style');
      style.id = id;
      style.textContent = `html { font-size: ${percent}% !important; }`;
      document.head.append(style);
    },
    { id: ZOOM_STYLE_ID, percent },
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Layout problems at the current zoom: the page or main scrolls sideways; text cut off by an
 * element that hides its overflow (or ends it in an ellipsis); text that leaves the window.
 * Runs in the page; returns one line per problem.
 */
export async function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const name = (el) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}"`;
    };
    const doc = document.scrollingElement ?? document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) problems.push(`the page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    for (const region of document.querySelectorAll('main, aside, [role="dialog"], dialog')) {
      if (region.scrollWidth > region.clientWidth + 1) {
        problems.push(`${name(region)} scrolls sideways: ${region.scrollWidth} > ${region.clientWidth}`);
      }
    }
    const viewWidth = document.documentElement.clientWidth;
    // Text hidden on purpose for screen readers only (a 1 px clipped box), as .visually-hidden does.
    const hiddenOnPurpose = (el) => {
      for (let a = el; a; a = a.parentElement) {
        const r = a.getBoundingClientRect();
        if (r.width <= 1 && r.height <= 1 && getComputedStyle(a).overflow !== 'visible') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('[aria-hidden="true"]') || hiddenOnPurpose(el)) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      const hides = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
      // Form fields hold text the user scrolls through; images and canvases have no text.
      const field = el.matches('input, textarea, select, img, canvas, svg, svg *');
      if (hides && !field && el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? '').trim()) {
        problems.push(`${name(el)} cuts off its text: ${el.scrollWidth} > ${el.clientWidth}`);
      }
      if (hasText && (rect.right > viewWidth + 1 || rect.left < -1)) {
        problems.push(`${name(el)} leaves the window: ${Math.round(rect.left)}..${Math.round(rect.right)} of ${viewWidth}`);
      }
    }
    return problems;
  });
}

/**
 * Checks screens one after the other and collects what it finds, so that one run reports every
 * screen's problems, not only the first one's.
 */
export function a11yChecker(page, shotsDir, { log = console.log } = {}) {
  const failures = [];
  const timings = [];

  /**
   * Runs axe (both schemes) and the 200 % checks on the page as it is now, and screenshots it.
   * show, if given, brings the page into the state to check after every change of text size (a
   * menu places itself when it opens, so it is opened again at 200 %).
   */
  async function screen(label, { zoom = true, fullPage = true, show = async () => {} } = {}) {
    const started = Date.now();
    const slug = label.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      await setTextZoom(page, 100);
      await show();
      const violations = await axeViolations(page);
      const bad = violations.filter((v) => FAILING.has(v.impact));
      const other = violations.filter((v) => !FAILING.has(v.impact));
      if (other.length > 0) log(`a11y: ${label} (${colorScheme}): also ${other.map((v) => `${v.id} [${v.impact}]`).join(', ')}`);
      if (bad.length > 0) failures.push(`${label} (${colorScheme}): axe found\n${bad.map(describe).join('\n')}`);
      await page.screenshot({ path: path.join(shotsDir, `${slug}-${colorScheme}-100.png`), fullPage });
      if (!zoom) continue;
      await setTextZoom(page, 200);
      await show();
      const problems = await layoutProblems(page);
      if (problems.length > 0) failures.push(`${label} (${colorScheme}) at 200 % text:\n  ${problems.slice(0, 12).join('\n  ')}`);
      await page.screenshot({ path: path.join(shotsDir, `${slug}-${colorScheme}-200.png`), fullPage });
      await setTextZoom(page, 100);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    timings.push([label, Date.now() - started]);
    log(`a11y: ${label}: checked (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }

  function assertClean() {
    assert.equal(failures.length, 0, `accessibility problems:\n${failures.join('\n')}`);
  }

  return { screen, assertClean, failures, timings };
}
