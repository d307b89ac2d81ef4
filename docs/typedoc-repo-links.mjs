// A TypeDoc plugin: no "Defined in" link for what a TypeScript lib file declares (`deref()`,
// which `Ref` inherits from `WeakRef`): that file is not in the repository, so the link that
// `sourceLinkTemplate` makes for it would be dead.
import { Converter } from 'typedoc';

export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      for (const source of reflection.sources ?? []) {
        if (source.fullFileName.includes('/node_modules/')) source.url = undefined;
      }
    }
  });
}
