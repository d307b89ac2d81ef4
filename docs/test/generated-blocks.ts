// The blocks of a page that are generated, not written: each follows a marker comment,
// which GitHub, npm and VitePress all hide, so the page reads the same everywhere.
//
//   <!-- example: packages/demo/src/examples/ref-cycle.ts -->   the file, as a ```ts block
//   <!-- example: docs/test/collect-garbage.test.ts#test -->    one `// #region` of a file
//   <!-- output: packages/demo/src/examples/ref-cycle.ts -->    what it prints, as ```txt
//   <!-- install: @w/ref -->                                    the install commands
//
// `renderPage` rewrites the block after each marker (inserting it if missing) and leaves
// every other line alone.

/** Where a page's generated blocks come from. */
export interface BlockSources {
  /** A file's text, by its path from the repository root. */
  readFile(path: string): string;
  /** What the demo's example at `path` printed. */
  printed(path: string): string;
}

/** Package managers and how each adds a package, in the order the tabs show them. */
const INSTALLERS: ReadonlyArray<[string, (name: string) => string]> = [
  ['npm', (name) => `npm install ${name}`],
  ['pnpm', (name) => `pnpm add ${name}`],
  ['yarn', (name) => `yarn add ${name}`],
  ['bun', (name) => `bun add ${name}`],
  ['deno', (name) => `deno add npm:${name}`],
];

const MARKER = /^<!-- (example|output|install): (\S+) -->$/;

/**
 * `site` pages show install commands as VitePress tabs (`::: code-group`); a README is read
 * on GitHub and npm, which do not know that syntax, so it gets one plain block.
 */
export function renderPage(text: string, kind: 'site' | 'readme', sources: BlockSources): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    out.push(line);
    const marker = MARKER.exec(line);
    if (!marker) continue;
    const [, what = '', argument = ''] = marker;
    out.push(...block(what, argument, kind, sources));
    i = endOfGeneratedBlock(lines, i + 1) - 1;
  }
  return out.join('\n');
}

function block(what: string, argument: string, kind: string, sources: BlockSources): string[] {
  if (what === 'example') return fence(language(argument), source(argument, sources));
  if (what === 'output') return fence('txt', sortCallbackRuns(sources.printed(argument)));
  const commands = INSTALLERS.map(([manager, command]) => [manager, command(argument)] as const);
  if (kind === 'readme') {
    return fence('sh', ['# any one of', ...commands.map(([, command]) => command)].join('\n'));
  }
  return [
    '::: code-group',
    '',
    ...commands.flatMap(([manager, command]) => [`\`\`\`sh [${manager}]`, command, '```', '']),
    ':::',
  ];
}

function fence(lang: string, body: string): string[] {
  return [`\`\`\`${lang}`, ...body.split('\n'), '```'];
}

function language(path: string): string {
  return /\.([cm]?[jt]s)(#|$)/.exec(path)?.[1]?.replace(/^[cm]/, '') ?? 'txt';
}

/** A whole file, or the lines between `// #region name` and `// #endregion name`. */
function source(reference: string, sources: BlockSources): string {
  const [path = '', region] = reference.split('#');
  const text = sources.readFile(path).replace(/\n+$/, '');
  if (region === undefined) return text;
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim() === `// #region ${region}`);
  const end = lines.findIndex((line) => line.trim() === `// #endregion ${region}`);
  if (start < 0 || end < start) throw new Error(`${path} has no region ${region}`);
  return lines.slice(start + 1, end).join('\n');
}

/**
 * Where the block after a marker ends (the index of its first line past it): a fenced block
 * or a `::: code-group`, possibly after blank lines; nothing if the marker has no block yet.
 */
function endOfGeneratedBlock(lines: string[], from: number): number {
  const first = lines[from] ?? '';
  if (first.startsWith('::: code-group')) {
    const end = lines.indexOf(':::', from + 1);
    if (end < 0) throw new Error(`line ${from + 1}: a code group that never closes`);
    return end + 1;
  }
  const open = /^(`{3,})/.exec(first)?.[1];
  if (open === undefined) return from;
  const end = lines.findIndex((line, i) => i > from && line === open);
  if (end < 0) throw new Error(`line ${from + 1}: a code block that never closes`);
  return end + 1;
}

/**
 * Sorts each run of consecutive `(Deleting …)` lines: one collection cleans up different
 * objects in an order the engine does not define (the pages say so), and a generated page
 * must not change from one run to the next.
 */
export function sortCallbackRuns(text: string): string {
  return text.replace(/(?:^ *\(Deleting .*(?:\n|$))+/gm, (run) => {
    const lines = run.replace(/\n$/, '').split('\n').sort();
    return lines.join('\n') + (run.endsWith('\n') ? '\n' : '');
  });
}
