import '../../zod-jitless';
import { render } from 'preact';
import { language } from '../../i18n';
import { App } from '../../sidebar/app';
import { localReplicaOpens, localSidebarData } from '../../sidebar/data/local-data';
import { remoteSidebarData } from '../../sidebar/data/remote-data';
import { SidebarDataContext } from '../../sidebar/data/sidebar-data';
import { startHostContextFeed } from '../../sidebar/host-context-feed';
import '../../sidebar/sidebar.css';
import { startVisibilityGuard } from '../../sidebar/visibility-guard';

// Listen for the content script's handshake before anything renders (see host-context-feed).
const feed = startHostContextFeed();
document.documentElement.lang = language;
startVisibilityGuard();
// Where IndexedDB cannot be opened in this frame, the background answers instead (DESIGN.md).
const data = (await localReplicaOpens()) ? localSidebarData() : remoteSidebarData();
render(
  <SidebarDataContext.Provider value={data}>
    <App feed={feed} />
  </SidebarDataContext.Provider>,
  document.getElementById('app')!,
);
