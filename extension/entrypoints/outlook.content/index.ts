import '../../zod-jitless';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { MAIL_HOST_MATCHES } from '../../hosts/host-origins';
import { watchOutlook } from '../../hosts/outlook/watch-outlook';
import { startHost } from '../../mount/start-host';

export default defineContentScript({
  matches: [...MAIL_HOST_MATCHES.outlook],
  runAt: 'document_idle',
  main: (ctx) => startHost(ctx, watchOutlook),
});
