import { render } from 'preact';
import { language } from '../../i18n';
import { App } from '../../sidebar/app';
import '../../sidebar/sidebar.css';

document.documentElement.lang = language;
render(<App />, document.getElementById('app')!);
