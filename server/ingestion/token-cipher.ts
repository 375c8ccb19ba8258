import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Refresh tokens at rest: AES-256-GCM with a key from the server's environment
 * (`CRM_TOKEN_KEY`, 32 bytes as base64 or hex). Stored as `v1.<iv>.<tag>.<ciphertext>` in
 * base64url; the version prefix leaves room for key rotation.
 */
export type TokenCipher = { encrypt(plain: string): string; decrypt(sealed: string): string };

export function createTokenCipher(key: Buffer): TokenCipher {
  if (key.length !== 32) throw new Error('the token encryption key must be 32 bytes');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed token');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('CRM_TOKEN_KEY must be 32 bytes, as 64 hex digits or base64');
  return key;
}

/**
 * The key from `CRM_TOKEN_KEY`; without it, a key file in the data folder, created on first use
 * (mode 0600) with a warning: a key beside the database protects a copied database dump, not a
 * copied data folder, so production should set the variable (README).
 */
export function loadTokenKey(env: NodeJS.ProcessEnv, dataDir: string, warn: (text: string) => void): Buffer {
  if (env.CRM_TOKEN_KEY) return parseKey(env.CRM_TOKEN_KEY);
  const file = path.join(dataDir, 'token-key');
  if (existsSync(file)) return parseKey(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  chmodSync(file, 0o600);
  warn(
    `CRM_TOKEN_KEY is not set: generated a token encryption key in ${file}. ` +
      'Set CRM_TOKEN_KEY (32 bytes, base64) in production and keep it apart from the database.',
  );
  return key;
}
