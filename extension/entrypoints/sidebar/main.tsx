import '../../zod-jitless';
import { t } from '../../i18n';
import { embeddedWhereAllowed } from '../../sidebar/embedding';
import { startHostContextFeed } from '../../sidebar/host-context-feed';
import { mountSidebarApp } from '../../sidebar/mount-app';
import { startVisibilityGuard } from '../../sidebar/visibility-guard';

// Listen for the content script's handshake before anything else (see host-context-feed).
const feed = startHostContextFeed();
if (await embeddedWhereAllowed()) {
  startVisibilityGuard();
  await mountSidebarApp(feed);
} else document.getElementById('app')!.textContent = t('embedding.refused');
