import type { MailAccount } from '../../../shared/schemas/mail-account';
import { sendToBackground } from '../../messaging/runtime-client';

/** Both data modes reconnect the same way: the background opens the server's connect page. */
export async function reconnectAccount(provider: MailAccount['provider']): Promise<void> {
  const answer = await sendToBackground({ type: 'mail-call', request: { call: 'connect', provider } });
  if (!answer?.ok) throw new Error(answer && !answer.ok ? answer.reason || answer.error : 'the background did not answer');
}
