import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeRequest = {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
  form: URLSearchParams;
};
export type FakeResponse = { status: number; headers?: Record<string, string>; body?: unknown } | 'hang';
export type FakeHandler = (request: FakeRequest) => Promise<FakeResponse> | FakeResponse;

export type RunningFake = { url: string; port: number; close(): Promise<void> };

/** A loopback HTTP server around one handler; JSON bodies, `hang` = never answer (timeouts). */
export async function serveFake(handler: FakeHandler, port = 0): Promise<RunningFake> {
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
      const request: FakeRequest = { method: req.method ?? 'GET', url, headers: req.headers, body, form: new URLSearchParams(body) };
      Promise.resolve()
        .then(() => handler(request))
        .then((response) => send(res, response, hanging))
        .catch((error: unknown) => send(res, { status: 500, body: { error: { code: 500, message: String(error) } } }, hanging));
    });
  });
  // Node closes an idle keep-alive connection after 5 s, just when a client (undici: 4 s after
  // the hint, on a coarse timer) may reuse it: a request then meets ECONNRESET. The real
  // providers keep connections far longer; so does the fake, well beyond any client's idle limit.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, response: FakeResponse, hanging: Set<ServerResponse>): void {
  if (response === 'hang') {
    // A timeout as the client sees it: the request is accepted and never answered.
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
    return;
  }
  const headers = { 'Cache-Control': 'no-store', ...(response.headers ?? {}) };
  if (response.status === 302 || response.body === undefined) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  res.writeHead(response.status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

export function bearerOf(request: FakeRequest): string | null {
  return /^Bearer\s+(\S+)$/i.exec(String(request.headers.authorization ?? ''))?.[1] ?? null;
}

/** Opaque page and sync tokens: base64url JSON, as opaque to clients as the real ones. */
export const opaque = {
  encode: (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url'),
  decode<T>(token: string | null | undefined): T | null {
    if (!token) return null;
    try {
      return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as T;
    } catch {
      return null;
    }
  },
};
