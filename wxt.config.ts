import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// WXT has no Preact module; the Vite preset is enough (STACK.md).
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  // Static files (the toolbar and notification icons) live with the extension's source.
  publicDir: 'extension/public',
  vite: () => ({ plugins: [preact()] }),
  // Never open a browser from `wxt`; tests and people load .output/chrome-mv3 themselves.
  webExt: { disabled: true },
  manifest: {
    name: 'Inbox CRM',
    description: 'Customer sidebar for Gmail: who the customer is, their timeline, what is due.',
    permissions: [
      'storage',
      'alarms',
      // Issue 4: follow-up reminders at their due time, from the background.
      'notifications',
    ],
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
