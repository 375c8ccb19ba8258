/**
 * An invite as one thing to paste: `<server URL>/join#email=…&code=…`. The server answers /join
 * with instructions (server/http/join-page.ts); the options page reads server, address and code
 * back out of the pasted link. The code rides in the fragment, which browsers never send, so it
 * never lands in a server or proxy log.
 */
export type Invite = { serverUrl: string; email: string; code: string };

export function inviteLink(invite: Invite): string {
  const base = invite.serverUrl.replace(/\/+$/, '');
  return `${base}/join#${new URLSearchParams({ email: invite.email, code: invite.code }).toString()}`;
}

/** The invite in a pasted link, or null when the text is not one (e.g. a bare code). */
export function parseInviteLink(text: string): Invite | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.pathname.endsWith('/join')) return null;
  const params = new URLSearchParams(url.hash.slice(1));
  const email = params.get('email');
  const code = params.get('code');
  if (!email || !code) return null;
  return { serverUrl: `${url.origin}${url.pathname.slice(0, -'/join'.length)}`, email, code };
}
