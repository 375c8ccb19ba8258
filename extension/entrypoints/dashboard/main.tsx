import '../../zod-jitless';
import { render } from 'preact';
import { language } from '../../i18n';
import { rt } from '../../i18n/reports';
import { DashboardPage } from '../../pages/dashboard/dashboard-page';
import '../../sidebar/sidebar.css';
import '../../pages/dashboard/dashboard.css';

document.documentElement.lang = language;
// The tab's title, and the PDF's default file name when the dashboard is saved from print.
document.title = `Inbox CRM · ${rt('dashboard.title')}`;
render(<DashboardPage />, document.getElementById('app')!);
