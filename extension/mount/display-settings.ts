import { browser } from 'wxt/browser';

/**
 * Where the sidebar shows: a column injected beside the mail (default), or Chrome's side panel
 * (Firefox: the sidebar), for users who prefer it. Chosen on the options page; content scripts
 * read it at start (plain storage API and no schema library: it keeps their bundles small).
 */
export const SIDEBAR_DISPLAYS = ['column', 'side-panel'] as const;
export type SidebarDisplay = (typeof SIDEBAR_DISPLAYS)[number];

const KEY = 'sidebarDisplay';

export async function loadSidebarDisplay(): Promise<SidebarDisplay> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return stored === 'side-panel' ? 'side-panel' : 'column';
}

export async function saveSidebarDisplay(display: SidebarDisplay): Promise<void> {
  await browser.storage.local.set({ [KEY]: display });
}

/** Whether this browser has a side panel the extension can open (Chrome 114+, Firefox sidebar). */
export function sidePanelAvailable(): boolean {
  const api = browser as unknown as { sidePanel?: unknown; sidebarAction?: unknown };
  return Boolean(api.sidePanel ?? api.sidebarAction);
}
