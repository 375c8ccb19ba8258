import '../../zod-jitless';
import { render } from 'preact';
import { language } from '../../i18n';
import { OptionsApp } from '../../pages/options-app';
import '../../sidebar/sidebar.css';

document.documentElement.lang = language;
render(<OptionsApp />, document.getElementById('app')!);
