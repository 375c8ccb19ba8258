import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type HoldingProxy = {
  url: string;
  /** Lets the held requests through, and every later one. */
  release(): void;
  /** While true, every request's connection is cut (the server is unreachable). */
  setUnreachable(unreachable: boolean): void;
  close(): Promise<void>;
};

/**
 * A loopback HTTP proxy in front of the real server that holds back the requests `holds` picks
 * until release(): a first sync that has not finished yet (a large organisation, a slow link),
 * made deterministic for a test. Everything else passes through unchanged.
 */
export async function startHoldingProxy(target: string, holds: (path: string) => boolean): Promise<HoldingProxy> {
  const upstream = new URL(target);
  let holding = true;
  let unreachable = false;
  const held: (() => void)[] = [];
  const forward = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  };
  const server = http.createServer((req, res) => {
    if (unreachable) return void req.socket.destroy();
    if (holding && holds(req.url ?? '')) held.push(() => forward(req, res));
    else forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    release() {
      holding = false;
      for (const go of held.splice(0)) go();
    },
    setUnreachable(value) {
      unreachable = value;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
