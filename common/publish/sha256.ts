/**
 * SHA-256 for the CSP hash of the inline stylesheet. common/ may not use node:crypto and WebCrypto
 * is async, so it comes from @noble/hashes (audited, pure JavaScript, no Node built-ins), which
 * replaced a hand-written one: same digests (escape.test.ts), one less thing of ours to trust.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

export function sha256(bytes: Uint8Array): Uint8Array {
  return nobleSha256(bytes);
}

/** Standard base64 with padding; btoa exists in browsers and in Node alike. */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The CSP source expression for an inline <style> or <script> body: 'sha256-…'. */
export function cspHash(text: string): string {
  return `'sha256-${base64(sha256(new TextEncoder().encode(text)))}'`;
}
