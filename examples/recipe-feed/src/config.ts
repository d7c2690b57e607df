import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const positiveInt = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      const parsed = Number(value);
      if (!Number.isSafeInteger(parsed) || parsed < 0) {
        ctx.addIssue({ code: 'custom', message: 'must be a non-negative integer' });
        return z.NEVER;
      }
      return parsed;
    });

const EnvSchema = z.object({
  GRAPHQL_URL: z
    .string()
    .trim()
    .min(1, 'is required, e.g. http://localhost:4000 or ws://localhost:4000/graphql')
    .transform((value, ctx) => {
      try {
        return endpoints(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  RECIPE_FEED_EMAIL: z.string().trim().min(1, 'is required'),
  RECIPE_FEED_PASSWORD: z.string().min(1, 'is required'),
  /** Absent: `cursor.json` in the feed's state directory (see `stateDirectory`), never the working directory. */
  CURSOR_FILE: optionalText,
  XDG_STATE_HOME: optionalText,
  /** Absent or "-": one JSON line per change on stdout. */
  OUTPUT_FILE: optionalText,
  TAG: optionalText,
  /** Changes received but not yet processed before the feed stops reading and resumes later by cursor. */
  MAX_QUEUE: positiveInt(1_000),
  /** Longest wait between reconnection attempts. */
  MAX_RETRY_DELAY_MS: positiveInt(30_000),
  /** fsync the output and cursor files: survives power loss, not only a crash of the process. */
  FEED_FSYNC: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((value) => value !== 'false' && value !== '0'),
  /** Tests only: a pause between processing a change and persisting its cursor, to widen the crash window. */
  RECIPE_FEED_TEST_CHECKPOINT_DELAY_MS: positiveInt(0),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type FeedConfig = Omit<z.output<typeof EnvSchema>, 'CURSOR_FILE' | 'XDG_STATE_HOME'> & { CURSOR_FILE: string };

/**
 * Where the feed keeps its state when not told otherwise: `$XDG_STATE_HOME/recipe-feed`, else
 * `~/.local/state/recipe-feed`. State outlives a run (unlike the temp dir) and stays out of
 * whatever checkout the feed is started from.
 */
export function stateDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_STATE_HOME?.trim() || join(env.HOME?.trim() || homedir(), '.local', 'state');
  return join(base, 'recipe-feed');
}

export interface Endpoints {
  httpUrl: string;
  wsUrl: string;
}

/** Accepts an http(s) or ws(s) URL, with or without the /graphql path, and derives both. */
export function endpoints(value: string): Endpoints {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`"${value}" is not a URL`);
  }
  const http = { 'http:': 'http:', 'https:': 'https:', 'ws:': 'http:', 'wss:': 'https:' }[url.protocol];
  if (!http) throw new Error(`must use http, https, ws or wss, not ${url.protocol}`);
  if (url.pathname === '' || url.pathname === '/') url.pathname = '/graphql';
  url.protocol = http;
  const httpUrl = url.toString();
  url.protocol = http === 'https:' ? 'wss:' : 'ws:';
  return { httpUrl, wsUrl: url.toString() };
}

/** Reads the whole configuration, reporting every problem at once. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): FeedConfig {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n${problems.join('\n')}`);
  }
  const { XDG_STATE_HOME: _, ...config } = result.data;
  return { ...config, CURSOR_FILE: config.CURSOR_FILE ?? join(stateDirectory(env), 'cursor.json') };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
