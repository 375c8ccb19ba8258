import { startHostContextFeed } from '../../sidebar/host-context-feed';
import { mountSidebarApp } from '../../sidebar/mount-app';

// Listen for the content script's handshake before anything renders (see host-context-feed).
await mountSidebarApp(startHostContextFeed());
