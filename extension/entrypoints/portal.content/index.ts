import '../../zod-jitless';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPortal } from '../../portals/start-portal';

// Registered at run time for each origin the user approves (extension/portals/approval.ts), never
// in the manifest: nothing runs on a site the user did not approve.
export default defineContentScript({
  registration: 'runtime',
  main: startPortal,
});
