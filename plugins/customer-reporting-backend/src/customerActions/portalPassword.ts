import { randomBytes, scrypt, timingSafeEqual } from 'crypto';
import { promisify } from 'util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;

/** scrypt cost parameters (N, r, p) and output length. */
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

/** Smallest password the Set password action accepts. */
export const MIN_PASSWORD_LENGTH = 12;

/** A random password for "Generate password": 24 URL-safe characters (144 bits). */
export function generatePortalPassword(): string {
  return randomBytes(18).toString('base64url');
}

/** A salted scrypt hash, `scrypt$N$r$p$salt$hash`; the only form ever stored. */
export async function hashPortalPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, KEY_LENGTH, { N, r: R, p: P });
  return [
    'scrypt',
    N,
    R,
    P,
    salt.toString('base64'),
    hash.toString('base64'),
  ].join('$');
}

export async function verifyPortalPassword(
  password: string,
  stored: string,
): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt') return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(
    password,
    Buffer.from(salt, 'base64'),
    expected.length,
    {
      N: Number(n),
      r: Number(r),
      p: Number(p),
    },
  );
  return timingSafeEqual(expected, actual);
}
