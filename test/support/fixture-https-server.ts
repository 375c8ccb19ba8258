import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fixturesDir, makeTempDir } from './paths';

/**
 * HTTPS server for the host fixtures. Chromium maps the real host names to it
 * (--host-resolver-rules) and trusts its certificate by SPKI hash, so the PRODUCTION manifest
 * match patterns and the host pages' CSP are what the tests exercise (DESIGN.md, testing).
 */
export interface FixtureServer {
  port: number;
  /** base64 sha256 of the certificate's public key, for --ignore-certificate-errors-spki-list. */
  spki: string;
  /** Requests seen, newest last (method + host + path), for debugging failed scenarios. */
  requests: string[];
  /**
   * Page-world "attacker": when set, every host page gets `<script src="/__attacker.js">` with
   * this source. It runs as the host page's own code (allowed by script-src 'self').
   */
  setAttackerScript(source: string | null): void;
  close(): Promise<void>;
}

/** The real hosts' constraints, as headers (Gmail sends CSP with Trusted Types enforced). */
export const HOST_CSP =
  "script-src 'self'; object-src 'none'; require-trusted-types-for 'script'; frame-src 'self'";

/** Host name → fixture folder. Paths under /mail/ are the single-page app's routes. */
export const HOST_ROOTS: Record<string, string> = {
  'mail.google.com': 'gmail',
  'outlook.office.com': 'outlook',
  'outlook.office365.com': 'outlook',
  'outlook.live.com': 'outlook',
  'outlook.cloud.microsoft': 'outlook',
  'partner.outlook.cn': 'outlook',
  // A made-up helpdesk, approved as a portal in the e2e tests.
  'support.acme-helpdesk.example': 'portal/helpdesk',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Self-signed cert for the fixture hosts (STACK.md recipe), made fresh in a temp dir. */
export function makeFixtureCertificate(dir: string): { key: Buffer; cert: Buffer; spki: string } {
  const keyPath = path.join(dir, 'key.pem');
  const certPath = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30',
      '-subj', '/CN=fixture',
      '-addext', `subjectAltName=${[...Object.keys(HOST_ROOTS).map((h) => `DNS:${h}`), 'IP:127.0.0.1'].join(',')}`,
      '-keyout', keyPath, '-out', certPath,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const pubkey = execFileSync('openssl', ['x509', '-pubkey', '-noout', '-in', certPath]);
  const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: pubkey });
  const spki = execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: der }).toString('base64');
  return { key: readFileSync(keyPath), cert: readFileSync(certPath), spki };
}

export async function startFixtureServer(options: { root?: string } = {}): Promise<FixtureServer> {
  const root = options.root ?? fixturesDir;
  const temp = makeTempDir('fixture-cert');
  const { key, cert, spki } = makeFixtureCertificate(temp.dir);
  let attacker: string | null = null;
  const requests: string[] = [];

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Security-Policy': HOST_CSP,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host || '127.0.0.1'}`);
    requests.push(`${req.method} ${host}${url.pathname}`);
    if (url.pathname === '/__attacker.js') {
      return attacker === null
        ? send(res, 404, TYPES['.txt']!, 'no attacker script set')
        : send(res, 200, TYPES['.js']!, attacker);
    }
    // 127.0.0.1 (or an unknown Host) serves the whole fixtures tree; a real host name serves its
    // own folder, with every /mail/... path answered by the app shell.
    const hostFolder = HOST_ROOTS[host];
    const base = hostFolder ? path.join(root, hostFolder) : root;
    const isAppRoute = hostFolder !== undefined && (url.pathname === '/mail' || url.pathname.startsWith('/mail/'));
    // Under /mail/ a page's relative assets (app.js from /mail/u/0/) resolve to the folder's
    // files by name; every other path there is an app route answered by index.html.
    const assetName = path.posix.basename(url.pathname);
    const isAsset = isAppRoute && /\.[a-z0-9]+$/i.test(assetName) && existsSync(path.join(base, assetName));
    const rel = isAsset
      ? assetName
      : isAppRoute
        ? 'index.html'
        : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(base, rel);
    if (!file.startsWith(base + path.sep) && file !== base) return send(res, 403, TYPES['.txt']!, 'forbidden');
    if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, TYPES['.txt']!, `not found: ${rel}`);
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (type.startsWith('text/html') && attacker !== null) {
      const html = readFileSync(file, 'utf8');
      const tag = '<script src="/__attacker.js"></script>';
      const injected = html.includes('</head>') ? html.replace('</head>', `${tag}</head>`) : tag + html;
      return send(res, 200, type, injected);
    }
    return send(res, 200, type, readFileSync(file));
  };

  const server = createServer({ key, cert }, (req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      send(res, 500, TYPES['.txt']!, String(error));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    spki,
    requests,
    setAttackerScript(source) {
      attacker = source;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          temp.cleanup();
          resolve();
        });
      }),
  };
}
