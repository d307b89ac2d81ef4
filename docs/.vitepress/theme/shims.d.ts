// What the theme imports that TypeScript cannot read itself: Vue single-file components.
declare module '*.vue' {
  const component: import('vitepress').Theme['Layout'];
  export default component;
}
