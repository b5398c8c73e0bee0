// Access tokens: HMAC-SHA256-signed claims, short-lived, checked without a database round trip
// for the signature (the session is still checked, so logout takes effect at once).
// Refresh tokens: 32 random bytes; only their SHA-256 is stored.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface AccessClaims {
  /** User id. */
  sub: string;
  /** Session id. */
  sid: string;
  /** Issued at / expires at, seconds since the epoch. */
  iat: number;
  exp: number;
}

const b64url = (buf: Buffer): string => buf.toString('base64url');

function sign(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`plumbline.v1.${body}`).digest();
}

export function issueAccessToken(secret: string, claims: AccessClaims): string {
  const body = b64url(Buffer.from(JSON.stringify(claims)));
  return `${body}.${b64url(sign(secret, body))}`;
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export function verifyAccessToken(secret: string, token: string, nowSeconds: number): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 2 || parts[0].length === 0 || parts[0].length > 2048) return { ok: false, reason: 'malformed' };
  const [body, sig] = parts;
  const given = Buffer.from(sig, 'base64url');
  const expected = sign(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!isClaims(claims)) return { ok: false, reason: 'malformed' };
  if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

function isClaims(v: unknown): v is AccessClaims {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.sub === 'string' && typeof o.sid === 'string' && typeof o.iat === 'number' && typeof o.exp === 'number';
}

export function newRefreshToken(): string {
  return b64url(randomBytes(32));
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
