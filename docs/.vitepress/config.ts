import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DefaultTheme, defineConfig } from 'vitepress';

const docsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const packagesDir = resolve(docsDir, '../packages');
const repository = 'https://github.com/w-weakref/weakref';

/** One guide per package, in the order a reader meets them. */
const guides: DefaultTheme.NavItemWithLink[] = [
  { text: 'ref: weak references', link: '/guide/ref' },
  { text: 'proxy: weak proxies', link: '/guide/proxy' },
  { text: 'finalize: finalizers', link: '/guide/finalize' },
  { text: 'WeakValueMap', link: '/guide/weak-value-map' },
  { text: 'WeakKeyMap', link: '/guide/weak-key-map' },
  { text: 'IterableWeakSet', link: '/guide/weak-set' },
  { text: 'WeakCache', link: '/guide/cache' },
  { text: 'core and testing', link: '/guide/core' },
  { text: 'Testing for leaks', link: '/guide/testing' },
];

const introduction: DefaultTheme.SidebarItem[] = [
  { text: 'Getting started', link: '/getting-started' },
  { text: 'Collection is asynchronous', link: '/collection' },
  { text: 'Python → TypeScript', link: '/python-to-typescript' },
  { text: 'One library per process', link: '/one-library-per-process' },
  // Written by another part of the project; listed once it exists.
  ...(existsSync(resolve(docsDir, 'limits.md')) ? [{ text: 'Limits', link: '/limits' }] : []),
];

const reference: DefaultTheme.SidebarItem[] = [
  { text: 'API reference', link: '/api/' },
  { text: 'Benchmarks', link: '/benchmarks' },
  { text: 'Changelog', link: '/changelog' },
];

/** The API sidebar TypeDoc wrote beside the pages it generated (`pnpm build` runs it first). */
function apiSidebar(): DefaultTheme.SidebarItem[] {
  const file = resolve(docsDir, 'api/typedoc-sidebar.json');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run TypeDoc first (pnpm --filter @w/docs build or dev)`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

export default defineConfig({
  title: '@w/weakref',
  description: "Python's weakref toolkit for TypeScript: one small package per tool.",
  lang: 'en-US',
  // Hosted on GitHub Pages as https://w-weakref.github.io/weakref/ (.github/workflows/docs.yml).
  base: '/weakref/',
  // Dead links fail the build (VitePress's default): the API pages are generated, so a
  // renamed export that a guide links to is caught here.
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/getting-started', activeMatch: '^/(getting-started|collection)' },
      { text: 'Packages', items: guides, activeMatch: '^/guide/' },
      { text: 'Python → TypeScript', link: '/python-to-typescript' },
      { text: 'API', link: '/api/', activeMatch: '^/api/' },
      { text: 'Benchmarks', link: '/benchmarks' },
      { text: 'Changelog', link: '/changelog' },
    ],
    sidebar: {
      '/api/': [{ text: 'API reference', link: '/api/', items: apiSidebar() }],
      '/': [
        { text: 'Introduction', items: introduction },
        { text: 'Guides', items: guides },
        { text: 'Reference', items: reference },
      ],
    },
    outline: { level: [2, 3] },
    search: { provider: 'local' },
    socialLinks: [{ icon: 'github', link: repository }],
  },
  markdown: {
    config(md) {
      md.core.ruler.before('normalize', 'changelogs', insertChangelogs);
      md.core.ruler.before('normalize', 'split-wide-tables', splitWideTables);
      md.core.ruler.push('generated-page-literal-html', showHtmlAsText);
    },
  },
});

/** The packages' CHANGELOG.md files (written by `changeset version`), in guide order. */
function changelogs(): string[] {
  const order = ['weakref', 'ref', 'proxy', 'finalize', 'weak-value-map', 'weak-key-map'];
  const files = [...order, 'weak-set', 'cache', 'core', 'testing'].map((name) =>
    resolve(packagesDir, name, 'CHANGELOG.md'),
  );
  return files.filter((file) => existsSync(file)).map((file) => readFileSync(file, 'utf8'));
}

/**
 * On changelog.md, `<!-- changelogs -->` becomes every package's changelog, each heading one
 * level down so that the page keeps a single h1; before the first release, a line saying so.
 */
function insertChangelogs(state: { src: string; env: { relativePath?: string } }): void {
  if (state.env.relativePath !== 'changelog.md') return;
  const found = changelogs().map((text) => text.replace(/^#/gm, '##'));
  const body = found.length > 0 ? found.join('\n\n') : 'No version has been released yet.';
  state.src = state.src.replace('<!-- changelogs -->', body);
}

/** At most this many measured columns in one table: more cannot fit a phone's width. */
const COLUMNS_PER_TABLE = 4;

/**
 * benchmarks.md (written by `pnpm bench`) has tables of up to nine measured (right-aligned)
 * columns: on the site, each becomes a few tables of even width that repeat its first column.
 */
function splitWideTables(state: { src: string; env: { relativePath?: string } }): void {
  if (state.env.relativePath !== 'benchmarks.md') return;
  state.src = state.src.replace(/^(?:\|.*\|\n)+/gm, (table) => {
    const rows = table
      .trimEnd()
      .split('\n')
      .map((row) => row.slice(1, -1).split('|'));
    const measured = (rows[0]?.length ?? 1) - 1;
    if (measured <= COLUMNS_PER_TABLE || !rows[1]?.slice(1).every((cell) => cell.endsWith(':'))) {
      return table;
    }
    const size = Math.ceil(measured / Math.ceil(measured / COLUMNS_PER_TABLE));
    const tables: string[] = [];
    for (let start = 1; start <= measured; start += size) {
      const columns = (cells: string[]) => [cells[0], ...cells.slice(start, start + size)];
      tables.push(rows.map((cells) => `|${columns(cells).join('|')}|\n`).join(''));
    }
    return tables.join('\n');
  });
}

/**
 * benchmarks.md is written by `pnpm bench`, whose names contain types such as
 * `Set<WeakRef>`: on that page, show anything that looks like HTML as text, not as a tag.
 */
function showHtmlAsText(state: {
  env: { relativePath?: string };
  tokens: Array<{ type: string; children: Array<{ type: string }> | null }>;
}): void {
  if (state.env.relativePath !== 'benchmarks.md') return;
  for (const token of state.tokens) {
    if (token.type === 'html_block') token.type = 'text';
    for (const child of token.children ?? []) if (child.type === 'html_inline') child.type = 'text';
  }
}
