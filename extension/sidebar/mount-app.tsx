import { render } from 'preact';
import { language } from '../i18n';
import { App } from './app';
import { localReplicaOpens, localSidebarData } from './data/local-data';
import { remoteSidebarData } from './data/remote-data';
import { SidebarDataContext } from './data/sidebar-data';
import type { HostContextFeed } from './hooks/use-host-context';
import './sidebar.css';

/** The sidebar app, the same in the injected column and in the browser's side panel. */
export async function mountSidebarApp(feed: HostContextFeed): Promise<void> {
  document.documentElement.lang = language;
  // Where IndexedDB cannot be opened in this frame, the background answers instead (DESIGN.md).
  const data = (await localReplicaOpens()) ? localSidebarData() : remoteSidebarData();
  render(
    <SidebarDataContext.Provider value={data}>
      <App feed={feed} />
    </SidebarDataContext.Provider>,
    document.getElementById('app')!,
  );
}
