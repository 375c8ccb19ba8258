/**
 * Where the handshake may be posted. The iframe's src may be the per-session dynamic URL
 * (use_dynamic_url); depending on the Chromium version the loaded document keeps that origin or
 * is redirected to the static extension origin. Both are ours, never '*'; only the one that
 * matches the document receives its port (postMessage drops the rest).
 */
export function frameOrigins(src: string, runtimeId: string): string[] {
  const origins = new Set<string>();
  const match = /^([a-z-]+:\/\/[^/]+)/i.exec(src);
  if (match?.[1]) origins.add(match[1]);
  origins.add(`chrome-extension://${runtimeId}`);
  return [...origins];
}
