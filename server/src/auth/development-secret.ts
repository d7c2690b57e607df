/** The secret development signs with when JWT_SECRET is not set. */

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface DevelopmentSecret {
  secret: string;
  file: string;
  created: boolean;
}

const MIN_LENGTH = 32;

/**
 * Without JWT_SECRET, development still wants sessions that survive a restart: a random secret
 * is made once and kept in `file` (owner-only), then read back on every later start. Two
 * instances starting together agree, because only the first `wx` write can succeed.
 */
export async function developmentSecret(file: string): Promise<DevelopmentSecret> {
  const absolute = path.resolve(file);
  const existing = await readSecret(absolute);
  if (existing) return { secret: existing, file: absolute, created: false };
  await mkdir(path.dirname(absolute), { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  try {
    await writeFile(absolute, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return { secret, file: absolute, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const written = await readSecret(absolute);
    if (!written) throw new Error(`${absolute} holds no usable secret (at least ${MIN_LENGTH} characters); delete it to make a new one`);
    return { secret: written, file: absolute, created: false };
  }
}

async function readSecret(file: string): Promise<string | null> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    if (text.length < MIN_LENGTH)
      throw new Error(`${file} holds no usable secret (at least ${MIN_LENGTH} characters); delete it to make a new one`);
    return text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
