import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { Boards } from '../follow-ups/boards';
import { useLive } from '../hooks/use-live';

export function SignedOut() {
  return (
    <section class="state" data-testid="state-signed-out">
      <p class="state-title">{t('state.signedOut')}</p>
      <p class="muted">{t('state.signedOutHint')}</p>
      <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('state.openOptions')}
      </button>
    </section>
  );
}

export function Unreadable() {
  return (
    <section class="state" data-testid="state-unreadable">
      <p class="state-title">{t('state.unreadable')}</p>
      <p class="muted">{t('state.unreadableHint')}</p>
    </section>
  );
}

/** No conversation open: the user's follow-up boards (issue 4) under the hint. */
export function NoThread({ onOpenCustomer }: { onOpenCustomer: (customerId: string) => void }) {
  const data = useSidebarData();
  const entries = useLive(() => data.board(), []);
  return (
    <>
      <section class="state" data-testid="state-no-thread">
        <p class="state-title">{t('state.noThread')}</p>
        <p class="muted">{t('state.noThreadHint')}</p>
      </section>
      <Boards entries={entries} onOpen={onOpenCustomer} />
    </>
  );
}

export function NoSender() {
  return (
    <section class="state" data-testid="state-no-sender">
      <p class="muted">{t('state.noSender')}</p>
    </section>
  );
}

export function NoRecipient() {
  return (
    <section class="state" data-testid="state-no-recipient">
      <p class="state-title">{t('state.noRecipient')}</p>
      <p class="muted">{t('state.noRecipientHint')}</p>
    </section>
  );
}
