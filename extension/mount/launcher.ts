import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { launcherText as t } from '../i18n/launcher';
import { SIDEBAR_WIDTH_PX } from './sidebar-frame';

const VISIBLE_KEY = 'sidebarVisible';

/** The user's show/hide choice survives reloads (storage.local; plain API keeps the bundle small). */
export async function loadSidebarVisible(): Promise<boolean> {
  const stored = await browser.storage.local.get(VISIBLE_KEY);
  return stored[VISIBLE_KEY] !== false;
}

const CSS = `
:host { all: initial; }
button { all: unset; box-sizing: border-box; cursor: pointer; width: 40px; height: 40px;
  border-radius: 20px; background: #1a73e8; color: #fff; font: 600 12px/40px system-ui, sans-serif;
  text-align: center; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
button:focus-visible { outline: 2px solid #174ea6; outline-offset: 2px; }
button[aria-pressed="false"] { background: #5f6368; }
`;

/** Column mode: the button shows and hides the column. Side-panel mode: it opens the side panel. */
export type LauncherMode =
  | { kind: 'toggle'; visible: boolean; onToggle: (visible: boolean) => void }
  | { kind: 'panel'; onOpen: () => void };

/**
 * A small button in a shadow root, which keeps the host's CSS off it. The root is open: the
 * button shows no customer data, so hiding it from the page protects nothing, and tests can reach
 * it. Built by hand rather than with WXT's createShadowRootUi, whose CSS loader this needs none of.
 */
export function mountLauncher(ctx: ContentScriptContext, mode: LauncherMode): void {
  let visible = mode.kind === 'toggle' ? mode.visible : false;
  for (const stale of document.querySelectorAll('[data-inbox-crm="launcher"]')) stale.remove();
  const host = document.createElement('inbox-crm-launcher');
  host.setAttribute('data-inbox-crm', 'launcher');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('launcher.label');
  const label = t(mode.kind === 'toggle' ? 'launcher.toggle' : 'launcher.openPanel');
  button.title = label;
  button.setAttribute('aria-label', label);
  shadow.append(style, button);

  const render = (): void => {
    if (mode.kind === 'toggle') button.setAttribute('aria-pressed', String(visible));
    host.style.cssText = `position:fixed;bottom:16px;right:${visible ? SIDEBAR_WIDTH_PX + 12 : 16}px;z-index:2147483001;`;
  };
  button.addEventListener('click', (event) => {
    // Only a person's click: the page can reach this open shadow root and call click() itself
    // (it cannot make the event trusted).
    if (!event.isTrusted) return;
    if (mode.kind === 'panel') return mode.onOpen();
    visible = !visible;
    render();
    mode.onToggle(visible);
    void browser.storage.local.set({ [VISIBLE_KEY]: visible });
  });
  render();
  document.body.append(host);

  // Idempotent: put it back if the page removes it; remove it when the extension reloads.
  const observer = new MutationObserver(() => {
    if (!host.isConnected) document.body.append(host);
  });
  observer.observe(document.body, { childList: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    host.remove();
  });
}
