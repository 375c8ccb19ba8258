import { Agent, request } from 'node:http';
import type { MutationInput, PullInput, PullOutput, PushOutput } from '../../shared/schemas/sync';

/**
 * The two calls a simulated extension makes, as the extension's tRPC client sends them
 * (`httpLink`, no transformer: POST /trpc/<path> with the input as JSON, `{result: {data}}` back),
 * over one keep-alive connection per client like a browser's. No client library: the load
 * generator shares the two cores with the servers it measures, and the tRPC client over fetch
 * cost it ~2.4 ms of CPU per request, CPU the servers then lacked (docs/performance.md).
 */
export function syncCaller(serverUrl: string, token: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const { hostname, port } = new URL(serverUrl);
  const call = <T>(path: string, input: unknown): Promise<T> => send<T>(path, input).catch((error: unknown) => {
    // The server closed the idle keep-alive connection just as this request went out on it:
    // sent again on a new one, as browsers do (and Node's docs advise, `reusedSocket`). Safe
    // for a push too: a replayed mutation id returns its stored result.
    if ((error as { reused?: boolean }).reused) return send<T>(path, input);
    throw error;
  });
  const send = <T>(path: string, input: unknown): Promise<T> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(input);
      const req = request(
        {
          agent,
          hostname,
          port,
          method: 'POST',
          path: `/trpc/${path}`,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            try {
              const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { result?: { data: T }; error?: { message?: string } };
              if (res.statusCode === 200 && json.result) resolve(json.result.data);
              else reject(new Error(`${path}: HTTP ${res.statusCode} ${json.error?.message ?? ''}`));
            } catch (error) {
              reject(new Error(`${path}: HTTP ${res.statusCode}, unreadable answer: ${String(error)}`));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) =>
        reject(Object.assign(error, { reused: req.reusedSocket && error.code === 'ECONNRESET' })),
      );
      req.end(body);
    });
  return {
    push: (mutations: MutationInput[]) => call<PushOutput>('sync.push', { mutations }),
    pull: (input: PullInput) => call<PullOutput>('sync.pull', input),
    close: () => agent.destroy(),
  };
}
export type SyncCaller = ReturnType<typeof syncCaller>;
