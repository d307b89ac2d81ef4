// The pages show demo code (`<<< @/../packages/demo/src/x.ts#region`) followed by what it
// prints (a ```txt block). This runs each shown scenario and checks that it prints exactly
// that, so the printed output on the pages cannot drift from the code either.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Scenario } from '../../packages/demo/src/scenario';

const docsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demoDir = resolve(docsDir, '../packages/demo/src');

interface ShownOutput {
  page: string;
  file: string;
  region: string;
  printed: string;
}

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return ['node_modules', 'api', '.vitepress'].includes(entry.name) ? [] : pages(path);
    }
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** Each ```txt block that follows a demo snippet within the same section. */
function shownOutputs(page: string): ShownOutput[] {
  const found: ShownOutput[] = [];
  const lines = readFileSync(page, 'utf8').split('\n');
  let snippet: { file: string; region: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const demoSnippet = /^<<< @\/\.\.\/packages\/demo\/src\/([\w-]+\.ts)#([\w-]+)/.exec(line);
    if (demoSnippet) {
      snippet = { file: demoSnippet[1] ?? '', region: demoSnippet[2] ?? '' };
    } else if (line.startsWith('#') || line.startsWith('<<<')) {
      snippet = undefined;
    } else if (line === '```txt' && snippet) {
      const end = lines.indexOf('```', i + 1);
      const printed = lines.slice(i + 1, end).join('\n');
      found.push({ page: relative(docsDir, page), ...snippet, printed });
      snippet = undefined;
      i = end;
    }
  }
  return found;
}

/** The title of the one scenario that a region of a demo file defines. */
function scenarioTitle(file: string, region: string): string {
  const source = readFileSync(join(demoDir, file), 'utf8');
  const start = source.indexOf(`// #region ${region}\n`);
  const end = source.indexOf(`// #endregion ${region}\n`);
  const titles = [...source.slice(start, end).matchAll(/^\s*title: '(.*)',$/gm)];
  expect(titles, `${file}#${region} should define exactly one scenario`).toHaveLength(1);
  return titles[0]?.[1] ?? '';
}

/** Runs a demo file's scenarios in `pnpm demo`'s order, once; what each one printed. */
const printedByFile = new Map<string, Promise<Map<string, string>>>();
function printed(file: string): Promise<Map<string, string>> {
  let result = printedByFile.get(file);
  if (!result) {
    result = runScenarios(file);
    printedByFile.set(file, result);
  }
  return result;
}

async function runScenarios(file: string): Promise<Map<string, string>> {
  const { scenarios } = (await import(join(demoDir, file))) as { scenarios: Scenario[] };
  const byTitle = new Map<string, string>();
  for (const scenario of scenarios) {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args) => {
      lines.push(format(...args));
    });
    try {
      await scenario.run();
    } finally {
      log.mockRestore();
    }
    byTitle.set(scenario.title, lines.join('\n'));
  }
  return byTitle;
}

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * Sorts each run of consecutive `(Deleting …)` lines: one collection cleans up different
 * objects in an order the engine does not define (the pages say so).
 */
function sortCallbackRuns(text: string): string {
  return text.replace(/(?:^ *\(Deleting .*\n?)+/gm, (run) => {
    const lines = run.replace(/\n$/, '').split('\n').sort();
    return lines.join('\n') + (run.endsWith('\n') ? '\n' : '');
  });
}

const outputs = pages(docsDir).flatMap(shownOutputs);

describe('printed output shown on the pages', () => {
  test('the pages show some', () => {
    expect(outputs.length).toBeGreaterThanOrEqual(10);
  });

  const cases = outputs.map((shown) => [`${shown.page}: ${shown.file}#${shown.region}`, shown]);
  test.each(cases as Array<[string, ShownOutput]>)(
    '%s',
    async (_, { file, region, printed: shown }) => {
      const title = scenarioTitle(file, region);
      const actual = (await printed(file)).get(title);
      expect(actual && sortCallbackRuns(actual), `what "${title}" prints`).toBe(
        sortCallbackRuns(shown),
      );
    },
  );
});
