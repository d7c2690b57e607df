/** The rate limits every instance shares: sign-in failures, writes and sign-ups. */

import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Rate } from '../config.js';
import { userError } from '../errors.js';
import { DomainError } from '../model/errors.js';
import { addressBucket } from './client-address.js';

/** The budgets every instance shares: sign-in failures per email and per client address, writes per user, sign-ups per client address. */
export interface Limits {
  /**
   * Runs one sign-in attempt for an already normalised email from a client address. The attempt
   * takes a point of the address's budget and one of the email's before the password is checked,
   * so concurrent guesses spread over instances cannot overshoot either; only a wrong password keeps
   * them. The email's budget stops guessing one account's password; the address's, one password
   * tried against many accounts.
   */
  signIn<T>(email: string, clientAddress: string, attempt: () => Promise<T>): Promise<T>;
  /** Counts one mutation by this user, or throws RATE_LIMITED without letting it run. */
  write(userId: string): Promise<void>;
  /** Counts one account created from this client address, or throws RATE_LIMITED. */
  signUp(clientAddress: string): Promise<void>;
}

export interface LimitSettings {
  signInFailures: Rate;
  signInFailuresPerAddress: Rate;
  writes: Rate;
  signUps: Rate;
}

/** A RATE_LIMITED error with the whole seconds until a retry can succeed. */
export function rateLimited(message: string, msBeforeNext: number) {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return userError('RATE_LIMITED', `${message} Try again in ${retryAfter} s.`, { retryAfter });
}

interface Budget {
  take(key: string): Promise<void>;
  giveBack(key: string): Promise<void>;
}

const unlimited: Budget = { take: async () => {}, giveBack: async () => {} };

/**
 * Counters live in Redis when the instance has one, so every instance spends from the same budget;
 * without Redis (a single instance) they live in memory. While Redis is away each instance falls
 * back to its own in-memory counters rather than refusing or waving through every request.
 */
export function createLimits(settings: LimitSettings, store: { redis: Redis | Cluster; keyPrefix: string } | null): Limits {
  const budget = (name: string, rate: Rate, refusal: string): Budget => {
    if (!rate) return unlimited;
    const base = { keyPrefix: `${store?.keyPrefix ?? ''}limit:${name}`, points: rate.points, duration: rate.windowMs / 1000 };
    const limiter: RateLimiterAbstract = store
      ? new RateLimiterRedis({
          ...base,
          storeClient: store.redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory(base),
        })
      : new RateLimiterMemory(base);
    return {
      async take(key) {
        try {
          await limiter.consume(key);
        } catch (error) {
          if (error instanceof RateLimiterRes) throw rateLimited(refusal, error.msBeforeNext);
          throw error;
        }
      },
      async giveBack(key) {
        await limiter.reward(key);
      },
    };
  };

  const signInFailures = budget('signin', settings.signInFailures, 'Too many failed sign-ins for this email.');
  const signInFailuresPerAddress = budget(
    'signin-address',
    settings.signInFailuresPerAddress,
    'Too many failed sign-ins from this address.',
  );
  const writes = budget('writes', settings.writes, 'Too many changes in a short time.');
  const signUps = budget('signup', settings.signUps, 'Too many accounts were created from this address.');
  // Emails stay out of Redis: the counter is keyed by a digest.
  const emailKey = (email: string) => createHash('sha256').update(email).digest('base64url');

  return {
    async signIn(email, clientAddress, attempt) {
      const key = emailKey(email);
      const address = addressBucket(clientAddress);
      await signInFailuresPerAddress.take(address);
      let wrongPassword = false;
      try {
        await signInFailures.take(key);
        try {
          return await attempt();
        } catch (error) {
          wrongPassword = error instanceof DomainError && error.kind === 'unauthenticated';
          throw error;
        } finally {
          // A point that cannot be given back only makes the budget stricter.
          if (!wrongPassword) await signInFailures.giveBack(key).catch(() => {});
        }
      } finally {
        // An attempt the email's budget refused checked no password, so the address gets its point back too.
        if (!wrongPassword) await signInFailuresPerAddress.giveBack(address).catch(() => {});
      }
    },
    write: (userId) => writes.take(userId),
    signUp: (clientAddress) => signUps.take(addressBucket(clientAddress)),
  };
}
