import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CLUE_KINDS, type ClueKind } from '../../../shared/schemas/portal-rules';
import { originOf } from '../../hosts/host-origins';
import { canBePortal } from '../../hosts/portal/portal-url';
import { t } from '../../i18n';
import { sendToBackground } from '../../messaging/runtime-client';
import { PICK_MESSAGE } from '../../messaging/tab-messages';
import { isApprovedPortal, PENDING_APPROVAL_KEY, type PendingApproval } from '../../portals/approval';

type Site = { tabId: number; origin: string; approved: boolean };

/**
 * In the popup, for the site of the active tab: approve it as a portal (Chrome asks for the
 * host permission, inside this click), point at the customer on it, or stop using it.
 */
export function PortalApproval() {
  const [site, setSite] = useState<Site | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async (): Promise<void> => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const origin = tab?.url ? originOf(tab.url) : null;
    if (tab?.id === undefined || !origin || !canBePortal(origin)) return setSite(null);
    setSite({ tabId: tab.id, origin, approved: await isApprovedPortal(origin) });
  };
  useEffect(() => void load(), []);
  if (!site) return null;

  const approve = (): void => {
    setError(null);
    // Noted first: Chrome may close this popup while its permission dialog is open, and then the
    // background finishes the approval when the grant arrives.
    const pending: PendingApproval = { origin: site.origin, tabId: site.tabId, at: Date.now() };
    void browser.storage.session.set({ [PENDING_APPROVAL_KEY]: pending });
    // Requested inside the click (a user gesture), before any await.
    void browser.permissions
      .request({ origins: [`${site.origin}/*`] })
      .then(async (granted) => {
        if (!granted) return setError(t('options.permissionDenied', { origin: site.origin }));
        const answer = await sendToBackground({ type: 'portal-approve', origin: site.origin, tabId: site.tabId });
        if (!answer?.ok) setError(t('portals.approveFailed'));
        await load();
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const pick = (kind: ClueKind): void => {
    void browser.tabs.sendMessage(site.tabId, { type: PICK_MESSAGE, kind }).finally(() => window.close());
  };
  const revoke = (): void => void sendToBackground({ type: 'portal-revoke', origin: site.origin }).then(load);

  return (
    <section class="portal-approval" data-testid="portal-approval" data-origin={site.origin}>
      {site.approved ? (
        <>
          <p class="muted" data-testid="portal-approved-here">
            {t('portals.runsHere', { origin: site.origin })}
          </p>
          <p class="muted small">{t('portals.pickHint')}</p>
          <div class="row">
            {CLUE_KINDS.map((kind) => (
              <button key={kind} type="button" data-testid={`portal-pick-${kind}`} onClick={() => pick(kind)}>
                {t(`portals.pick.${kind}`)}
              </button>
            ))}
          </div>
          <button type="button" class="link" data-testid="portal-revoke-here" onClick={revoke}>
            {t('portals.revoke')}
          </button>
        </>
      ) : (
        <button type="button" class="primary" data-testid="portal-approve" onClick={approve}>
          {t('portals.approve', { origin: site.origin })}
        </button>
      )}
      {error && (
        <p class="error" role="alert" data-testid="portal-approve-error">
          {error}
        </p>
      )}
    </section>
  );
}
