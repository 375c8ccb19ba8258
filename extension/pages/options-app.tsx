import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../i18n';
import { getLocalDb } from '../local-db/db';
import { live } from '../local-db/live';
import { memberById } from '../local-db/queries/members';
import { syncStatus } from '../local-db/queries/sync-status';
import { sendToBackground } from '../messaging/runtime-client';
import { SyncStatusLine } from '../sidebar/components/sync-status';
import { useLive } from '../sidebar/hooks/use-live';
import { DEFAULT_SERVER_URL, needsHostPermission, normaliseServerUrl } from '../sync/settings';
import { parseInviteLink } from '../../shared/domain/invite-link';
import { getMeta } from '../local-db/meta';
import { AuditTrail } from './audit/audit-trail';
import { CustomFieldsAdmin } from './custom-fields/custom-fields-admin';
import { DisplayPanel } from './display/display-panel';
import { ImportExport } from './import-export';
import { MailAccounts } from './mail/mail-accounts';
import { NeverLog } from './mail/never-log';
import { PeopleAdmin } from './people/people-admin';
import { PortalsPanel } from './portals/portals-panel';
import { OrgSettingsEditor } from './org-settings/org-settings-editor';
import { canReview } from '../../shared/domain/visit-rules';
import { VisitReviewQueue } from './visit-reviews/review-queue';

export function OptionsApp() {
  const status = useLive(() => live(() => syncStatus(getLocalDb())), []);
  const [serverUrl, setServerUrl] = useState(DEFAULT_SERVER_URL);
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signIn = (event: Event): void => {
    event.preventDefault();
    setError(null);
    const url = normaliseServerUrl(serverUrl);
    if (!url) return setError(t('options.badUrl'));
    const origin = new URL(url).origin;
    // Must be requested inside the click (a user gesture), before any await.
    const permitted = needsHostPermission(url)
      ? browser.permissions.request({ origins: [`${origin}/*`] })
      : Promise.resolve(true);
    setBusy(true);
    void permitted
      .then(async (granted) => {
        if (!granted) return setError(t('options.permissionDenied', { origin }));
        const result = await sendToBackground({ type: 'sign-in', serverUrl: url, email, code });
        if (!result) setError(t('options.error.network'));
        else if (!result.ok) setError(t(`options.error.${result.error}` as MessageKey));
        else setCode('');
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };

  /** A pasted invite link fills in the server, the address and the code at once. */
  const enterCodeOrLink = (text: string): void => {
    const invite = parseInviteLink(text);
    if (!invite) return setCode(text);
    setServerUrl(invite.serverUrl);
    setEmail(invite.email);
    setCode(invite.code);
  };

  const session = status?.signedIn ? status.session : null;
  const me = useLive(() => live(() => memberById(getLocalDb(), session?.userId ?? null)), [session?.userId]);
  const connection = useLive(() => live(() => getMeta(getLocalDb(), 'connection')), [session?.userId]);
  return (
    <div class="page">
      <h1>{t('options.title')}</h1>
      {session ? (
        <div class="row">
          <span data-testid="signed-in-as">
            {t('options.signedInAs', { name: session.displayName, email: session.email, organisation: session.organisationName })}
          </span>
          <button type="button" data-testid="sign-out" onClick={() => void signOut(status?.pending ?? 0)}>
            {t('options.signOut')}
          </button>
        </div>
      ) : (
        <form class="form" onSubmit={signIn}>
          <label>
            <span>{t('options.serverUrl')}</span>
            <input name="serverUrl" type="url" value={serverUrl} onInput={(e) => setServerUrl(e.currentTarget.value)} />
          </label>
          <label>
            <span>{t('options.email')}</span>
            <input name="email" type="email" autocomplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <label>
            <span>{t('options.codeOrLink')}</span>
            <input name="code" autocomplete="one-time-code" value={code} onInput={(e) => enterCodeOrLink(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary" data-testid="sign-in" disabled={busy}>
            {busy ? t('options.signingIn') : t('options.signIn')}
          </button>
          {error && (
            <p class="error" data-testid="sign-in-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
      <div class="row">
        <button type="button" data-testid="sync-now" onClick={() => void sendToBackground({ type: 'sync-now' })}>
          {t('options.syncNow')}
        </button>
      </div>
      {status && <SyncStatusLine status={status} />}
      {status?.lastError && <p class="muted">{t('options.lastError', { error: status.lastError })}</p>}
      {me && <MailAccounts />}
      {me && <NeverLog role={me.role} />}
      {me?.role === 'admin' && connection && <PeopleAdmin serverUrl={connection.serverUrl} />}
      <DisplayPanel />
      <PortalsPanel />
      {me?.role === 'admin' && <CustomFieldsAdmin />}
      {me?.role === 'admin' && <AuditTrail />}
      {me?.role === 'admin' && <OrgSettingsEditor />}
      {me && <ImportExport role={me.role} />}
      {me && canReview(me.role) && <VisitReviewQueue />}
    </div>
  );
}

/** Signing out wipes the replica; unsynced changes go with it, so the user decides first. */
async function signOut(pending: number): Promise<void> {
  if (pending > 0 && !window.confirm(t('options.confirmSignOut', { count: String(pending) }))) return;
  await sendToBackground({ type: 'sign-out' });
}
