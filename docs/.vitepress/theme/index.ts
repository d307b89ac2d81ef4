// The default theme, with the few rules that keep wide tables and code inside the column,
// and a layout that puts an example beside the home page's hero.
import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import Layout from './Layout.vue';
import './fit-the-column.css';

export default { extends: DefaultTheme, Layout } satisfies Theme;
