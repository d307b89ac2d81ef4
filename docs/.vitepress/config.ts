import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DefaultTheme, defineConfig } from 'vitepress';

const docsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repository = 'https://github.com/w-weakref/weakref';

/** One guide per package, in the order a reader meets them. */
const guides: DefaultTheme.NavItemWithLink[] = [
  { text: 'ref: weak references', link: '/guide/ref' },
  { text: 'proxy: weak proxies', link: '/guide/proxy' },
  { text: 'finalize: finalizers', link: '/guide/finalize' },
  { text: 'WeakValueMap', link: '/guide/weak-value-map' },
  { text: 'WeakKeyMap', link: '/guide/weak-key-map' },
  { text: 'IterableWeakSet', link: '/guide/weak-set' },
  { text: 'core and testing', link: '/guide/core' },
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
  // Dead links fail the build (VitePress's default): the API pages are generated, so a
  // renamed export that a guide links to is caught here.
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/getting-started', activeMatch: '^/(getting-started|collection)' },
      { text: 'Packages', items: guides, activeMatch: '^/guide/' },
      { text: 'Python → TypeScript', link: '/python-to-typescript' },
      { text: 'API', link: '/api/', activeMatch: '^/api/' },
      { text: 'Benchmarks', link: '/benchmarks' },
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
      md.core.ruler.before('normalize', 'snippet-regions-exist', checkSnippetRegions);
      md.core.ruler.push('generated-page-literal-html', showHtmlAsText);
    },
  },
});

/**
 * VitePress includes the WHOLE file when a `<<< file#region` names a region that is not
 * there; fail the build instead, so a renamed region cannot slip into a page unnoticed.
 */
function checkSnippetRegions(state: { src: string; env: { path?: string } }): void {
  for (const match of state.src.matchAll(/^<<< *(\S+?)#([\w-]+)/gm)) {
    const [, rawPath = '', region = ''] = match;
    const file = rawPath.startsWith('@')
      ? resolve(docsDir, `.${rawPath.slice(1)}`)
      : resolve(dirname(state.env.path ?? docsDir), rawPath);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const start = new RegExp(`^\\s*// #region ${region}$`, 'm');
    const end = new RegExp(`^\\s*// #endregion ${region}$`, 'm');
    if (!start.test(text) || !end.test(text)) {
      throw new Error(`${state.env.path}: snippet ${rawPath}#${region}: no such region`);
    }
  }
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
