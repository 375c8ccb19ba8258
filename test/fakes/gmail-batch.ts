import { randomBytes } from 'node:crypto';
import type { FakeRequest, FakeResponse } from './fake-http';

/**
 * Gmail's batch endpoint, as provider-facts.md §1.6 describes it: a multipart/mixed body of
 * `application/http` parts, each an inner request with a path only; the reply is multipart/mixed
 * with one `HTTP/1.1 <status>` part per request, in order. Outer headers (Authorization) apply to
 * every inner request; an inner part can fail while the outer status is 200.
 */
export async function answerBatch(request: FakeRequest, inner: (request: FakeRequest) => Promise<FakeResponse>): Promise<FakeResponse> {
  const boundary = /boundary="?([^";]+)"?/i.exec(String(request.headers['content-type'] ?? ''))?.[1];
  if (!boundary) return { status: 400, body: { error: { code: 400, message: 'missing multipart boundary', errors: [] } } };
  const parts = request.body.split(`--${boundary}`).slice(1).filter((p) => !p.startsWith('--'));
  if (parts.length > 100) return { status: 400, body: { error: { code: 400, message: 'Too many requests in batch', errors: [] } } };
  const out = `batch_${randomBytes(8).toString('hex')}`;
  const answers: string[] = [];
  for (const [index, part] of parts.entries()) {
    const text = part.replace(/^\r?\n/, '');
    const gap = Math.max(0, text.search(/\r?\n\r?\n/));
    const outerHeaders = text.slice(0, gap);
    const innerText = text.slice(gap);
    const contentId = /Content-ID:\s*<?([^>\r\n]+)>?/i.exec(outerHeaders)?.[1] ?? String(index);
    const [requestLine = ''] = innerText.trim().split(/\r?\n/);
    const [method = 'GET', path = '/'] = requestLine.split(' ');
    const response = await inner({
      method,
      url: new URL(path, request.url.origin),
      headers: { authorization: request.headers.authorization },
      body: '',
      form: new URLSearchParams(),
    });
    const answered = response === 'hang' ? { status: 503, body: { error: { code: 503, message: 'Backend Error', errors: [{ reason: 'backendError' }] } } } : response;
    answers.push(
      `--${out}\r\nContent-Type: application/http\r\nContent-ID: <response-${contentId}>\r\n\r\n` +
        `HTTP/1.1 ${answered.status} ${answered.status === 200 ? 'OK' : 'Error'}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n` +
        `${JSON.stringify(answered.body ?? {})}\r\n`,
    );
  }
  return { status: 200, headers: { 'Content-Type': `multipart/mixed; boundary=${out}` }, body: `${answers.join('')}--${out}--\r\n` };
}
