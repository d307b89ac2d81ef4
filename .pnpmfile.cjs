// pnpm's hooks for this workspace.
module.exports = {
  hooks: {
    // A packed (published) manifest has no devDependencies: npm never installs a dependency's
    // devDependencies, and ours name @w/test-support, a workspace package that is not published.
    beforePacking(manifest) {
      delete manifest.devDependencies;
      return manifest;
    },
  },
};
