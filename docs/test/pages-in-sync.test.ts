// The pages and READMEs carry their examples as real code blocks (so they read the same on
// GitHub, npm and the site), generated from the demo. This test renders each page again
// from the demo's code and from what the demo prints, and fails when the page differs.
// `pnpm --filter @w/docs sync` runs it with --update, which writes the pages instead.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { tutorial } from '../../packages/demo/src/tutorial';
import { renderPage } from './generated-blocks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const examplesDir = 'packages/demo/src/examples/';

function markdownFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return ['node_modules', 'api', '.vitepress'].includes(entry.name) ? [] : markdownFiles(path);
    }
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const sitePages = markdownFiles('docs');
const readmes = readdirSync(join(root, 'packages'))
  .map((name) => `packages/${name}/README.md`)
  .filter((path) => readdirSync(join(root, dirname(path))).includes('README.md'))
  .concat('README.md');

/** The site's own examples (for the meta package, which the demo does not use). */
const siteExamplesDir = 'docs/examples/';

/** What each example printed, by its path: the tutorial in its order, then the site's. */
const printed = new Map<string, string>();

async function capture(path: string, run: () => Promise<unknown>): Promise<void> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args) => {
    lines.push(format(...args));
  });
  try {
    await run();
  } finally {
    log.mockRestore();
  }
  printed.set(path, lines.join('\n'));
}

const sources = {
  readFile: (path: string) => readFileSync(join(root, path), 'utf8'),
  printed(path: string): string {
    const output = printed.get(path);
    if (output === undefined) throw new Error(`${path} is not a step of the demo's tutorial`);
    return output;
  },
};

// The pages are generated on Node (`pnpm --filter @w/docs sync`). Bun and Deno print some
// values their own way, so the check runs on Node only (the runtime matrix runs the rest).
const onNode = !('bun' in process.versions) && !('deno' in process.versions);

describe.runIf(onNode)('pages show the demo as it is', () => {
  beforeAll(async () => {
    for (const step of tutorial) await capture(examplesDir + step.example, step.run);
    for (const file of readdirSync(join(root, siteExamplesDir))) {
      await capture(siteExamplesDir + file, () => import(join(root, siteExamplesDir, file)));
    }
  });

  test.each([...sitePages, ...readmes])('%s', async (page) => {
    const text = readFileSync(join(root, page), 'utf8');
    // An include directive that only VitePress expands shows nothing on GitHub or npm.
    expect(text, 'a `<<<` include instead of the code').not.toMatch(/^<<< /m);
    const kind = page.startsWith('docs/') ? 'site' : 'readme';
    await expect(renderPage(text, kind, sources)).toMatchFileSnapshot(join(root, page));
  });

  test('every example of the tutorial is shown on some page, with its output', () => {
    const shown = [...sitePages, ...readmes].map((page) => readFileSync(join(root, page), 'utf8'));
    for (const step of tutorial) {
      const path = examplesDir + step.example;
      expect(
        shown.some((text) => text.includes(`<!-- example: ${path} -->`)),
        path,
      ).toBe(true);
      expect(
        shown.some((text) => text.includes(`<!-- output: ${path} -->`)),
        path,
      ).toBe(true);
    }
  });

  test('every file in the examples folder is a step of the tutorial', () => {
    const files = readdirSync(join(root, examplesDir)).sort();
    expect(files).toEqual(tutorial.map((step) => step.example).sort());
  });
});
