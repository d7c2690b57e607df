/** The configuration: every environment variable the server reads, parsed and checked in one place. */

import os from 'node:os';
import proxyAddr from 'proxy-addr';
import { z } from 'zod';

const durationUnits = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Accepts `7d`, `12h`, `30m`, `10s`, `250ms` or a bare number of milliseconds. */
const duration = z.string().transform((text, ctx) => {
  const match = /^(\d+)\s*(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration such as 7d, 12h, 30m, 10s or 500ms` });
    return z.NEVER;
  }
  const unit = (match[2] ?? 'ms') as keyof typeof durationUnits;
  return Number(match[1]) * durationUnits[unit];
});

const bytes = z.coerce.number().int().positive();

const flag = z.enum(['true', 'false', '1', '0']).transform((text) => text === 'true' || text === '1');

/** `https://app.example,http://localhost:5173`: exact origins (scheme, host, port), no paths. */
const origins = z.string().transform((text, ctx) => {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (URL.canParse(entry) && new URL(entry).origin === entry) continue;
    ctx.addIssue({ code: 'custom', message: `"${entry}" is not an origin such as https://app.example or http://localhost:5173` });
    return z.NEVER;
  }
  return entries;
});

/** A budget of `points` per window; null turns the limit off. */
export type Rate = { points: number; windowMs: number } | null;

/** `<count>/<duration>` such as `100/10s`, or `0` for no limit; a bare count takes `defaultWindowMs`. */
const rate = (defaultWindowMs?: number) =>
  z.string().transform((text, ctx): Rate => {
    const match = /^(\d+)(?:\s*\/\s*(\d+)\s*(ms|s|m|h|d)?)?$/.exec(text.trim());
    const points = Number(match?.[1]);
    if (match && points === 0) return null;
    const windowMs = match?.[2] ? Number(match[2]) * durationUnits[(match[3] ?? 'ms') as keyof typeof durationUnits] : defaultWindowMs;
    // The shared limiter counts in whole seconds.
    if (!match || windowMs === undefined || windowMs < 1_000 || windowMs % 1_000 !== 0) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a rate such as 100/10s or 20/1h (whole seconds), or 0 for none` });
      return z.NEVER;
    }
    return { points, windowMs };
  });

/** Which peers may tell us the client address through X-Forwarded-For: a hop count, or addresses/CIDRs. */
export type TrustProxy = (address: string, hop: number) => boolean;

const trustProxy = z.string().transform((text, ctx): TrustProxy => {
  const value = text.trim();
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  if (value === 'false' || value === 'none') return () => false;
  try {
    return proxyAddr.compile(value.split(',').map((entry) => entry.trim()));
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `"${text}" is not a hop count or a list of addresses, CIDRs, loopback, linklocal or uniquelocal (${(error as Error).message})`,
    });
    return z.NEVER;
  }
});

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    PGLITE_DIR: z.string().default('./.data/pglite'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
    REDIS_CLUSTER_NODES: z
      .string()
      .transform((text, ctx) => {
        const nodes = text.split(',').map((entry) => {
          const match = /^\s*([^\s:]+):(\d+)\s*$/.exec(entry);
          return match ? { host: match[1] as string, port: Number(match[2]) } : null;
        });
        if (nodes.some((node) => node === null)) {
          ctx.addIssue({ code: 'custom', message: `"${text}" is not a list of host:port such as redis-1:6379,redis-2:6379` });
          return z.NEVER;
        }
        return nodes as Array<{ host: string; port: number }>;
      })
      .optional(),
    REDIS_KEY_PREFIX: z.string().default('live-recipes:'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    DEV_JWT_SECRET_FILE: z.string().default('./.data/jwt-secret'),
    TOKEN_TTL: duration.default(7 * durationUnits.d),
    INSTANCE_ID: z.string().min(1).default(`${os.hostname()}-${process.pid}`),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CHANGE_LOG_RETENTION: duration.default(7 * durationUnits.d),
    RELAY_INTERVAL: duration.default(1_000),
    KEEPALIVE_INTERVAL: duration.default(25_000),
    MAX_SOCKET_BACKLOG: bytes.default(1024 * 1024),
    MAX_BODY_BYTES: bytes.default(1024 * 1024),
    MAX_DOCUMENT_BYTES: bytes.default(32 * 1024),
    MAX_SUBSCRIPTIONS_PER_SOCKET: z.coerce.number().int().positive().default(100),
    MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().positive().default(50),
    MAX_SUBSCRIPTION_COST_PER_SOCKET: z.coerce.number().int().positive().default(5_000),
    MAX_SUBSCRIPTION_COST_PER_ADDRESS: z.coerce.number().int().positive().default(10_000),
    MAX_DOCUMENT_COST_PER_INSTANCE: z.coerce.number().int().positive().default(100_000),
    MAX_QUEUED_EVENTS: z.coerce.number().int().positive().default(1_000),
    SHUTDOWN_TIMEOUT: duration.default(10_000),
    WEB_DIST: z.string().optional(),
    GRAPHIQL: flag.optional(),
    CORS_ORIGINS: origins.optional(),
    SIGNIN_MAX_FAILURES: rate(15 * durationUnits.m).default({ points: 10, windowMs: 15 * durationUnits.m }),
    SIGNIN_MAX_FAILURES_PER_ADDRESS: rate(15 * durationUnits.m).default({ points: 50, windowMs: 15 * durationUnits.m }),
    RATE_LIMIT_WRITES: rate().default({ points: 100, windowMs: 10_000 }),
    RATE_LIMIT_SIGNUPS: rate().default({ points: 20, windowMs: durationUnits.h }),
    TRUST_PROXY: trustProxy.default(() => () => false),
    CURSOR_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  })
  .superRefine((env, ctx) => {
    if (env.REDIS_URL && env.REDIS_CLUSTER_NODES) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_CLUSTER_NODES'], message: 'cannot be set together with REDIS_URL; choose one' });
    }
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when NODE_ENV=production' });
    }
  });

/** Settings whose default depends on NODE_ENV. */
const withDefaults = envSchema.transform((env) => ({ ...env, GRAPHIQL: env.GRAPHIQL ?? env.NODE_ENV !== 'production' }));

export type Config = z.output<typeof withDefaults>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads the whole environment once and reports every problem together, so an operator fixes them in one go. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = withDefaults.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`));
  }
  return result.data;
}
