/**
 * The id of a user's remembered choice for an address: a name-based UUID (RFC 9562 v5, SHA-1)
 * of user id and address key, so the sidebar's optimistic row, other devices and the server all
 * name the same choice with the same id and a later choice replaces the earlier one everywhere.
 * Uses Web Crypto, which both browsers and Node 20 provide as globalThis.crypto.
 */
const NAMESPACE = 'a9f0c6de-5d8b-4b5e-9f3e-6c1d2e7a8b90';

export async function matchChoiceId(userId: string, addressKey: string): Promise<string> {
  const namespace = hexToBytes(NAMESPACE.replace(/-/g, ''));
  const name = new TextEncoder().encode(`${userId}\n${addressKey}`);
  const input = new Uint8Array(namespace.length + name.length);
  input.set(namespace);
  input.set(name, namespace.length);
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', input)).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!, (byte) => parseInt(byte, 16));
}
