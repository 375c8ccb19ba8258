import { render } from 'preact';
import { language } from '../../i18n';
import { App } from '../../sidebar/app';
import { startHostContextFeed } from '../../sidebar/host-context-feed';
import '../../sidebar/sidebar.css';

// Listen for the content script's handshake before anything renders (see host-context-feed).
const feed = startHostContextFeed();
document.documentElement.lang = language;
render(<App feed={feed} />, document.getElementById('app')!);
