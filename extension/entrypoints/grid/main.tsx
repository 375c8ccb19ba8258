import '../../zod-jitless';
import { render } from 'preact';
import { language } from '../../i18n';
import { ContactGridPage } from '../../pages/contact-grid/contact-grid-page';
import '../../sidebar/sidebar.css';

document.documentElement.lang = language;
render(<ContactGridPage />, document.getElementById('app')!);
