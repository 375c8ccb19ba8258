import '../../zod-jitless';
import { startSidePanelFeed } from '../../sidebar/side-panel-feed';
import { mountSidebarApp } from '../../sidebar/mount-app';

// The same sidebar in the browser's side panel: it follows the active tab (side-panel-feed).
await mountSidebarApp(startSidePanelFeed());
