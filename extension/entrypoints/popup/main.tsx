import '../../zod-jitless';
import { render } from 'preact';
import { language } from '../../i18n';
import { PopupApp } from '../../pages/popup-app';
import '../../sidebar/sidebar.css';

document.documentElement.lang = language;
render(<PopupApp />, document.getElementById('app')!);
