// Loads the BUILT docs site (docs/.vitepress/dist) in a real headless Chromium.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_TEST_ARGS } from '@w/test-support/chromium-args';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic } from './static-server';

const docsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(docsDir, '.vitepress/dist');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The site's `base` in .vitepress/config.ts: where GitHub Pages serves it. */
const siteBase = '/weakref/';

let site: Awaited<ReturnType<typeof serveStatic>>;
let context: BrowserContext;
let userDataDir: string;

/** A page that records every console error, page error and failed request it sees. */
async function openPage(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(site.url + path, { waitUntil: 'networkidle' });
  return { page, problems };
}

/** Every page of the built site, as a path under its base: `/`, `/guide/ref.html`, ... */
function builtPages(dir = distDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return builtPages(path);
    if (!entry.name.endsWith('.html') || path === join(distDir, '404.html')) return [];
    return [`/${path.slice(distDir.length + 1)}`.replace(/(^|\/)index\.html$/, '$1')];
  });
}

/** A phone, a laptop and a wide desktop. */
const WIDTHS = [390, 1280, 1920];

/**
 * What sticks out sideways on the page as it is laid out now: a table or a code block that
 * scrolls inside itself (its content is wider than it is) or is wider than its column. The
 * column is the text column, except that below 640 px VitePress lets code blocks reach the
 * edges of the window.
 */
function overflowing(): string[] {
  const found: string[] = [];
  const viewport = document.documentElement.clientWidth;
  const name = (element: Element) => `"${(element.textContent ?? '').trim().slice(0, 50)}…"`;
  for (const doc of Array.from(document.querySelectorAll('.vp-doc'))) {
    const column = doc.getBoundingClientRect();
    const blocks = Array.from(doc.querySelectorAll('table, div[class*="language-"]'));
    for (const block of blocks as HTMLElement[]) {
      if (block.offsetParent === null) continue; // an inactive tab of a code group
      const isTable = block.tagName === 'TABLE';
      const what = `${isTable ? 'table' : 'code block'} ${name(block)}`;
      for (const element of [block, ...Array.from(block.querySelectorAll('pre'))]) {
        if (element.scrollWidth > element.clientWidth + 1) {
          found.push(`${what}: ${element.scrollWidth} px of content in ${element.clientWidth} px`);
        }
      }
      const box = block.getBoundingClientRect();
      const [left, right] =
        !isTable && viewport < 640 ? [0, viewport] : [column.left, column.right];
      if (box.left < left - 1 || box.right > right + 1) {
        found.push(
          `${what}: ${Math.round(box.width)} px wide in a ${Math.round(right - left)} px column`,
        );
      }
    }
  }
  if (document.documentElement.scrollWidth > viewport + 1) {
    found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`);
  }
  return found;
}

beforeAll(async () => {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(
      `The docs site has not been built: ${distDir}/index.html is missing. ` +
        'Run `pnpm --filter @w/docs build` (or `pnpm build`) first.',
    );
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: install Debian's chromium or set CHROMIUM_PATH`,
    );
  }
  site = await serveStatic(distDir, siteBase);
  userDataDir = mkdtempSync(join(tmpdir(), 'docs-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', ...CHROMIUM_TEST_ARGS],
  });
  // The site must work offline: any request that leaves the loopback server fails the test.
  await context.route(
    (url) => url.origin !== site.origin,
    (route) => route.abort('blockedbyclient'),
  );
}, 60_000);

afterAll(async () => {
  await context?.close();
  await site?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe('the built docs site', () => {
  test('the home page renders its title and hero', async () => {
    const { page, problems } = await openPage('/');
    expect(await page.title()).toContain('@w/weakref');
    await expect.poll(() => page.locator('.VPHero .name').textContent()).toContain('@w/weakref');
    expect(await page.locator('.VPHero .text').textContent()).toContain("Python's weakref");
    expect(await page.locator('.VPFeature').count()).toBe(9);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the home page shows how to install, with a tab per package manager, and code', async () => {
    const { page, problems } = await openPage('/');
    const install = page.locator('.vp-doc .vp-code-group');
    await expect
      .poll(() => install.locator('.tabs label').allTextContents())
      .toEqual(['npm', 'pnpm', 'yarn', 'bun', 'deno']);
    expect(await install.locator('div.active code').textContent()).toBe('npm install @w/weakref');
    const code = await page.locator('.vp-doc div.language-ts code').allTextContents();
    expect(code.some((block) => block.includes("import * as weakref from '@w/weakref'"))).toBe(
      true,
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  test('no page has a table or code block wider than its column, at any width', async () => {
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(14); // the hand-written pages and the API reference
    // The layout is the server-rendered HTML and its CSS: without running the scripts, each
    // page loads in a fraction of the time (the other tests run them).
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort('blockedbyclient'));
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(site.url + path, { waitUntil: 'load' });
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        for (const problem of await page.evaluate(overflowing)) {
          found.push(`${path} at ${width} px: ${problem}`);
        }
      }
    }
    await page.close();
    expect(found).toEqual([]);
  }, 300_000);

  test('a guide renders with the code that `pnpm demo` runs', async () => {
    const { page, problems } = await openPage('/guide/weak-value-map.html');
    expect(await page.locator('h1').textContent()).toContain('WeakValueMap');
    const code = await page.locator('.vp-doc div[class*="language-ts"] code').allTextContents();
    const example = 'packages/demo/src/examples/weak-value-map-cache.ts';
    const demo = readFileSync(join(docsDir, '..', example), 'utf8');
    // The block is the demo's own source, whole: imports included, no marker showing.
    expect(demo).toContain('class CachedSpamManager {');
    const shown = code.find((block) => block.includes('class CachedSpamManager {'));
    expect(shown?.trim()).toBe(demo.trim());
    expect(await page.locator('.vp-doc').textContent()).not.toContain('<!--');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('clicking a sidebar link, then a nav link, navigates', async () => {
    const { page, problems } = await openPage('/getting-started.html');
    expect(await page.locator('h1').textContent()).toContain('Getting started');

    await page.locator('.VPSidebar a', { hasText: 'WeakKeyMap' }).click();
    await page.waitForURL('**/guide/weak-key-map.html');
    await expect.poll(() => page.locator('h1').textContent()).toContain('WeakKeyMap');

    await page.locator('.VPNavBar a', { hasText: 'API' }).click();
    await page.waitForURL('**/api/');
    await expect.poll(() => page.locator('h1').textContent()).toContain('API reference');
    await expect
      .poll(() => page.locator('.VPSidebar a', { hasText: 'WeakValueMap' }).count())
      .toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("the nav links to the changelog, which shows the packages' CHANGELOG.md files", async () => {
    const { page, problems } = await openPage('/');
    await page.locator('.VPNavBar a', { hasText: 'Changelog' }).click();
    await page.waitForURL('**/changelog.html');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Changelog');
    const changelogs = ['weakref', 'core', 'ref', 'proxy', 'finalize', 'weak-value-map']
      .concat(['weak-key-map', 'weak-set'])
      .filter((name) => existsSync(join(docsDir, `../packages/${name}/CHANGELOG.md`)));
    const text = await page.locator('.vp-doc').textContent();
    if (changelogs.length === 0) expect(text).toContain('No version has been released yet.');
    for (const name of changelogs) expect(text).toContain(`@w/${name}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the benchmarks page shows its table and its chart', async () => {
    const { page, problems } = await openPage('/benchmarks.html');
    expect(await page.locator('h1').textContent()).toContain('Benchmarks');
    expect(await page.locator('.vp-doc table').count()).toBeGreaterThan(0);
    const chart = page.locator('.vp-doc img[alt^="Ours against the floor"]');
    expect(await chart.count()).toBe(1);
    await expect.poll(() => chart.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(760);
    expect(problems).toEqual([]);
    await page.close();
  });
});
