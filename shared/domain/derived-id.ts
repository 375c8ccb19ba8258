/**
 * A name-based UUID (RFC 9562 v5, SHA-1) of a namespace and parts: the same inputs give the same
 * id on every device and on the server. For records both sides make from one event (a match
 * choice of a user and address; the return-visit follow-ups of a resolved complaint), so the
 * optimistic row, other devices and the server name the same record with the same id and a
 * replay cannot make a second one. Web Crypto: browsers and Node 20 have globalThis.crypto.
 */
export async function nameBasedId(namespace: string, parts: readonly string[]): Promise<string> {
  const space = hexToBytes(namespace.replace(/-/g, ''));
  const name = new TextEncoder().encode(parts.join('\n'));
  const input = new Uint8Array(space.length + name.length);
  input.set(space);
  input.set(name, space.length);
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', input)).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!, (byte) => parseInt(byte, 16));
}
