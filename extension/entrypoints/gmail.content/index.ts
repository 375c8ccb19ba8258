import '../../zod-jitless';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchGmail } from '../../hosts/gmail/watch-gmail';
import { MAIL_HOST_MATCHES } from '../../hosts/host-origins';
import { startHost } from '../../mount/start-host';

export default defineContentScript({
  matches: [...MAIL_HOST_MATCHES.gmail],
  runAt: 'document_idle',
  main: (ctx) => startHost(ctx, watchGmail),
});
