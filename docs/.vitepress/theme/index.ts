// The default theme, with the few rules that keep wide tables and code inside the column.
import DefaultTheme from 'vitepress/theme';
import './fit-the-column.css';

export default DefaultTheme;
