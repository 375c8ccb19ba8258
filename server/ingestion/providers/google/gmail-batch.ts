import { randomBytes } from 'node:crypto';
import { ProviderError } from '../../provider-error';
import { toProviderError } from './to-provider-error';

export type BatchAnswer = { status: number; body: unknown };

/**
 * Gmail's batch endpoint (provider-facts.md §1.6; the Node client has none): up to 50 GETs in
 * one multipart/mixed POST, answered in order, each inner answer with its own status. Saves an
 * HTTP round trip per message, which is most of a zero-latency import's cost.
 */
export async function gmailBatchGet(
  apiUrl: string,
  accessToken: string,
  paths: string[],
  signal: AbortSignal,
): Promise<BatchAnswer[]> {
  const boundary = `batch_${randomBytes(12).toString('hex')}`;
  const body =
    paths
      .map((path, i) => `--${boundary}\r\nContent-Type: application/http\r\nContent-ID: <item-${i}>\r\n\r\nGET ${path}\r\n\r\n`)
      .join('') + `--${boundary}--\r\n`;
  let res: Response;
  try {
    res = await fetch(`${apiUrl}/batch/gmail/v1`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': `multipart/mixed; boundary=${boundary}` },
      body,
      signal,
    });
  } catch (error) {
    throw toProviderError(error);
  }
  const text = await res.text();
  if (!res.ok) {
    let data: unknown = null;
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
    const message = (data as { error?: { message?: string } } | null)?.error?.message ?? `batch answered ${res.status}`;
    throw toProviderError({ status: res.status, message, response: { status: res.status, data, headers: res.headers } });
  }
  const answerBoundary = /boundary="?([^";]+)"?/i.exec(res.headers.get('content-type') ?? '')?.[1];
  if (!answerBoundary) throw new ProviderError('temporary', 'the batch answer is not multipart');
  const answers = text
    .split(`--${answerBoundary}`)
    .slice(1)
    .filter((part) => !part.startsWith('--'))
    .map((part): BatchAnswer => {
      const status = Number(/HTTP\/1\.1 (\d{3})/.exec(part)?.[1] ?? 0);
      const json = part.slice(part.indexOf('{'), part.lastIndexOf('}') + 1);
      try {
        return { status, body: JSON.parse(json) };
      } catch {
        return { status: status || 502, body: null };
      }
    });
  if (answers.length !== paths.length) throw new ProviderError('temporary', `the batch answered ${answers.length} of ${paths.length} requests`);
  return answers;
}
