/**
 * The window message that hands the sidebar its MessagePort (content script → iframe). Kept apart
 * from protocol.ts so the content script does not bundle the whole protocol's schemas.
 */
export const HANDSHAKE_TYPE = 'crm-port';
export type HandshakeMessage = { type: typeof HANDSHAKE_TYPE; nonce: string };
