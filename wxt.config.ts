import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { ALL_MAIL_MATCHES } from './extension/hosts/host-origins';

/** Firefox needs a fixed add-on id for storage and permissions in MV3 (AMO signs under it). */
export const FIREFOX_ADDON_ID = 'inbox-crm@inbox-crm.app';

// WXT has no Preact module; the Vite preset is enough (STACK.md).
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  // MV3 everywhere, Firefox too (`wxt build -b firefox` → .output/firefox-mv3): one code path for
  // run-time content scripts (scripting), optional host permissions and the toolbar action.
  manifestVersion: 3,
  // Static files (the toolbar and notification icons) live with the extension's source.
  publicDir: 'extension/public',
  vite: () => ({ plugins: [preact()] }),
  // Never open a browser from `wxt`; tests and people load .output/chrome-mv3 themselves.
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    name: 'Inbox CRM',
    description: 'Customer sidebar for Gmail, Outlook and approved web portals: who the customer is, their timeline, what is due.',
    // scripting: run the portal script on origins the user approves (registered at run time);
    // activeTab: the popup may see which site the user is on, to offer approving it.
    permissions: [
      'storage',
      'alarms',
      'scripting',
      'activeTab',
      // Issue 4: follow-up reminders at their due time, from the background.
      'notifications',
    ],
    // Issue 7: extension pages run only their own bundled scripts (no remote code, no eval, no
    // plugins, no <base> or form tricks); connect-src stays open for the server URL the user
    // chooses (http for a local server, https otherwise). Any site may frame sidebar.html (see
    // web_accessible_resources below), so there is no frame-ancestors list: the page refuses
    // itself outside a mail host or an approved portal (sidebar/embedding.ts). Checked in
    // Chromium by test/e2e/hostile-content.test.ts.
    content_security_policy: {
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "img-src 'self' data:; style-src 'self'; connect-src 'self' http: https:",
    },
    // The sync server: the default local one is allowed up front; other server URLs are
    // requested as optional permissions from the options page when the user enters them.
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    web_accessible_resources: [
      {
        resources: ['sidebar.html'],
        // Mail hosts, and any site, because approved portals are only known at run time and the
        // manifest cannot list them. The sidebar page itself renders nothing unless the page that
        // embeds it is a mail host or an approved portal (sidebar/embedding.ts), and it gets a
        // context only through the nonce handshake, which only our content scripts can complete.
        matches: [...ALL_MAIL_MATCHES, 'https://*/*', 'http://*/*'],
        // A fresh URL per session hides the stable extension id from pages (DESIGN.md). Chrome
        // only: Firefox gives every installation its own random moz-extension:// host already.
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ADDON_ID,
              // data_collection_permissions needs 140 (optional_host_permissions in MV3: 128).
              strict_min_version: '140.0',
              // What leaves the browser, and only to the organisation's own server: names and
              // addresses of customers' contacts, and the user's sign-in.
              data_collection_permissions: { required: ['personallyIdentifyingInfo', 'authenticationInfo'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
