import type { MailCall } from '../../messaging/mail-protocol';
import { sendToBackground } from '../../messaging/runtime-client';

/** A mail call through the background; throws with the server's reason when it was refused. */
export async function mailCall<T = unknown>(request: MailCall): Promise<T> {
  const answer = await sendToBackground({ type: 'mail-call', request });
  if (!answer) throw new Error('the background did not answer');
  if (!answer.ok) throw new Error(answer.reason || answer.error);
  return answer.value as T;
}
