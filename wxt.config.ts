import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// WXT has no Preact module; the Vite preset is enough (STACK.md).
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  // Never open a browser from `wxt`; tests and people load .output/chrome-mv3 themselves.
  webExt: { disabled: true },
  manifest: {
    name: 'Inbox CRM',
    description: 'Customer sidebar for Gmail: who the customer is, their timeline, what is due.',
    permissions: ['storage', 'alarms'],
    // Issue 7: extension pages run only their own bundled scripts (no remote code, no eval, no
    // plugins, no <base> or form tricks); connect-src stays open for the server URL the user
    // chooses (http for a local server, https otherwise). Which pages may frame the sidebar is
    // web_accessible_resources' `matches` (approved portals are added at run time, so no
    // frame-ancestors list). Checked in Chromium by test/e2e/hostile-content.test.ts.
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
        matches: ['https://mail.google.com/*'],
        // A fresh URL per session hides the stable extension id from pages (DESIGN.md).
        use_dynamic_url: true,
      },
    ],
  },
});
