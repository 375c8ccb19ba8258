import { browser } from 'wxt/browser';
import { t } from '../../i18n';

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

export function NoThread() {
  return (
    <section class="state" data-testid="state-no-thread">
      <p class="state-title">{t('state.noThread')}</p>
      <p class="muted">{t('state.noThreadHint')}</p>
    </section>
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
