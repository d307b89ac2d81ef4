// The changelog lines `changeset version` writes, without network (unlike
// @changesets/changelog-github, which asks GitHub's API): each entry links the commit that
// added its changeset, when git knows it. A package whose @w/* dependencies changed lists
// those changes' summaries (what its users see through it, e.g. @w/weakref re-exporting
// everything) instead of "Updated dependencies" lines; a bump with no changeset behind it
// (the fixed version group moving together) adds nothing.
//
// Changesets asks for one package's lines in one synchronous run: `getReleaseLine` for each
// of its own changesets, then `getDependencyReleaseLine` once. `listed` holds the ids of the
// first, so the second does not repeat them; it is emptied for the next package.

const listed = new Set();

function options(changelogOptions) {
  const repo = changelogOptions?.repo;
  if (typeof repo !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    throw new TypeError(
      `.changeset/config.json: changelog needs { "repo": "owner/name" }, got ${JSON.stringify(repo)}`,
    );
  }
  return { repo };
}

function entry(changeset, { repo }, suffix = '') {
  const [first, ...rest] = changeset.summary.trim().split('\n');
  const commit = changeset.commit
    ? ` ([${changeset.commit.slice(0, 7)}](https://github.com/${repo}/commit/${changeset.commit}))`
    : '';
  const more = rest.map((line) => (line.trim() ? `  ${line}` : '')).join('\n');
  return `- ${first}${suffix}${commit}${more ? `\n${more}` : ''}`;
}

async function getReleaseLine(changeset, _type, changelogOptions) {
  const opts = options(changelogOptions);
  listed.add(changeset.id);
  return `\n${entry(changeset, opts)}`;
}

async function getDependencyReleaseLine(changesets, dependenciesUpdated, changelogOptions) {
  const opts = options(changelogOptions);
  const own = new Set(listed);
  listed.clear();
  const updated = new Set(dependenciesUpdated.map((dependency) => dependency.name));
  const lines = changesets
    .filter((changeset) => !own.has(changeset.id))
    .map((changeset) => {
      const from = changeset.releases.map((r) => r.name).filter((name) => updated.has(name));
      return entry(
        changeset,
        opts,
        from.length > 0 ? ` (${from.map((n) => `\`${n}\``).join(', ')})` : '',
      );
    });
  return lines.length > 0 ? `\n${lines.join('\n')}` : '';
}

module.exports = { getReleaseLine, getDependencyReleaseLine };
