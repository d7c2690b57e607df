/** Users: accounts, sign-up and sign-in, and the public part of a user. */

import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords.js';
import type { Queryable } from '../db/client.js';
import { type UserRow, users } from '../db/schema.js';
import { conflict, unauthenticated } from './errors.js';
import { parseInput, text } from './validation.js';

export type PublicUser = Pick<UserRow, 'id' | 'name'>;

const email = z
  .string()
  .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters')
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.email('must be a valid email address').max(254, 'must be at most 254 characters'));

const signUpInput = z.object({
  email,
  password: z
    .string()
    .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters')
    .pipe(z.string().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters')),
  name: text(1, 100),
});

const signInInput = z.object({ email, password: z.string().max(200, 'must be at most 200 characters') });

export async function signUp(db: Queryable, input: unknown): Promise<PublicUser> {
  const data = parseInput(signUpInput, input);
  const passwordHash = await hashPassword(data.password);
  const [row] = await db
    .insert(users)
    .values({ email: data.email, name: data.name, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, name: users.name });
  if (!row) throw conflict('An account with this email already exists.', { field: 'input.email' });
  return row;
}

/** Runs a sign-in attempt for a normalised email, so spelling variants of one address share a budget. */
export type SignInThrottle = <T>(email: string, attempt: () => Promise<T>) => Promise<T>;

export async function signIn(db: Queryable, input: unknown, throttle: SignInThrottle): Promise<PublicUser> {
  const data = parseInput(signInInput, input);
  return throttle(data.email, async () => {
    const [row] = await db.select().from(users).where(eq(users.email, data.email));
    const ok = await verifyPassword(data.password, row?.passwordHash ?? decoyHash);
    if (!row || !ok) throw unauthenticated('The email or password is wrong.');
    return { id: row.id, name: row.name };
  });
}

export async function usersByIds(db: Queryable, ids: readonly string[]): Promise<PublicUser[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...ids]));
}

export async function userById(db: Queryable, id: string): Promise<PublicUser | null> {
  const [row] = await usersByIds(db, [id]);
  return row ?? null;
}
