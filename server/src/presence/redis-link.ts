/** Presence's link to Redis: what instances store and tell each other about who is where. */

import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import { type RedisTarget, redisConnection } from '../redis.js';
import type { PresentUser } from './snapshot.js';

/**
 * What instances tell each other about a target, one message per target and tick from each
 * instance that changed something there, on one channel (`<prefix>presence`):
 *
 * - `v` numbers an instance's member writes for the target; a receiver that sees a number other
 *   than the next one missed something and reads the target back from Redis.
 * - `u` members that arrived ([user id, name, since]), `d` user ids that left, `a` the instance's
 *   anonymous connections on the target; `f` replaces everything known of the instance there,
 *   `g` says it has nobody there any more.
 * - `ty` typing changes ([user id, until in ms since the epoch, 0 for stopped]), from whichever
 *   instance took the `setTyping` or the comment.
 * - `b` a heartbeat, `x` a clean goodbye: every member of that instance is gone.
 */
export interface PresenceMessage {
  i: string;
  t?: string;
  v?: number;
  f?: 1;
  g?: 1;
  u?: Array<[string, string, number]>;
  d?: string[];
  a?: number;
  ty?: Array<[string, number]>;
  b?: 1;
  x?: 1;
}

/** One instance's members on a target, as read back from Redis. */
export interface StoredMembers {
  version: number;
  anonymous: number;
  users: Map<string, PresentUser>;
  /** How long its liveness key still lives; it stops being counted as present after that. */
  aliveForMs: number;
}

export interface StoredTarget {
  instances: Map<string, StoredMembers>;
  typing: Map<string, number>;
}

/** An instance's member write for one target in one tick. */
export interface MemberWrite {
  version: number;
  full: boolean;
  gone: boolean;
  set: Array<[string, string, number]>;
  del: string[];
  anonymous: number;
}

/** Liveness key lifetime: an instance not heard from for this long is dead to the others. */
export const ALIVE_MS = 10_000;
/** Member hashes outlive the liveness key; readers ignore those of instances without one. */
const MEMBERS_TTL_MS = 60_000;
/** How often an instance renews its member hashes' expiry. */
export const MEMBERS_REFRESH_MS = 20_000;
/** Typing entries lapse by themselves; the key goes a little after the last of them. */
const TYPING_TTL_MS = 7_000;

/**
 * Presence in Redis. Each instance owns what it writes: per target, a hash of its members
 * (`presence:{<target>}:m:<instance>`: `~v` version, `~a` anonymous connections, `u:<user id>` →
 * `<since>:<name>`), listed in the target's set of instances (`presence:{<target>}:i`); typing
 * is one hash per target shared by all (`presence:{<target>}:t`, user id → until). An instance's
 * liveness key (`presence:alive:<instance>`) lives ALIVE_MS past its last heartbeat, so when an
 * instance dies its members stop counting by themselves, with nobody cleaning up after it.
 */
export class RedisPresenceLink {
  private readonly commands: Redis | Cluster;
  private readonly subscriber: Redis | Cluster;
  private readonly channel: string;
  private readonly root: string;
  private started = false;
  /** This run of this instance, set by `start`. */
  private instance = '';

  constructor(
    target: RedisTarget,
    prefix: string,
    private readonly logger: Logger,
  ) {
    // Fail fast while Redis is away rather than queue writes: a reconnect rewrites everything.
    this.commands = redisConnection(target, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectionName: 'live-recipes-presence',
    });
    this.subscriber = redisConnection(target, { connectionName: 'live-recipes-presence-sub' });
    this.channel = `${prefix}presence`;
    this.root = `${prefix}presence:`;
    for (const [connection, name] of [
      [this.commands, 'presence'],
      [this.subscriber, 'presence-subscriber'],
    ] as const) {
      connection.on('error', (error: Error) => logger.warn({ err: error.message, connection: name }, 'redis connection error'));
    }
  }

  /** Connects as `instance`; `onMessage` hears every other instance's messages, `onResync` that some may have been missed. */
  async start(instance: string, onMessage: (message: PresenceMessage) => void, onResync: () => void): Promise<void> {
    this.instance = instance;
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      let message: PresenceMessage;
      try {
        message = JSON.parse(text) as PresenceMessage;
      } catch {
        return;
      }
      if (typeof message.i === 'string' && message.i !== this.instance) onMessage(message);
    });
    const resync = () => {
      if (this.started) onResync();
    };
    this.subscriber.on('ready', resync);
    this.commands.on('ready', resync);
    await Promise.all([this.commands.connect(), this.subscriber.connect()]);
    await this.subscriber.subscribe(this.channel);
    this.started = true;
  }

  private members(target: string, instance: string): string {
    return `${this.root}{${target}}:m:${instance}`;
  }

  private index(target: string): string {
    return `${this.root}{${target}}:i`;
  }

  private typingKey(target: string): string {
    return `${this.root}{${target}}:t`;
  }

  private alive(instance: string): string {
    return `${this.root}alive:${instance}`;
  }

  /** The instance's writes for one target in one tick and the one message telling the others. */
  write(target: string, members: MemberWrite | null, typing: Array<[string, number]>): void {
    const message: PresenceMessage = { i: this.instance, t: target };
    const redis = this.commands;
    const failed = (error: Error) => this.logger.warn({ err: error.message, target }, 'writing presence to redis failed');
    if (members) {
      const key = this.members(target, this.instance);
      message.v = members.version;
      if (members.gone) {
        message.g = 1;
        redis.del(key).catch(failed);
        redis.srem(this.index(target), this.instance).catch(failed);
      } else {
        if (members.full) {
          message.f = 1;
          redis.del(key).catch(failed);
        }
        const fields: Array<string | number> = ['~v', members.version, '~a', members.anonymous];
        for (const [id, name, since] of members.set) fields.push(`u:${id}`, `${since}:${name}`);
        redis.hset(key, ...fields).catch(failed);
        if (members.del.length > 0) redis.hdel(key, ...members.del.map((id) => `u:${id}`)).catch(failed);
        // Afterwards the heartbeat keeps them; a churn event costs the hash write and the message.
        if (members.full || members.version === 1) this.refresh(target, failed);
        if (members.set.length > 0) message.u = members.set;
        if (members.del.length > 0) message.d = members.del;
        message.a = members.anonymous;
      }
    }
    if (typing.length > 0) message.ty = typing;
    redis.publish(this.channel, JSON.stringify(message)).catch(failed);
  }

  async setTyping(target: string, userId: string, until: number): Promise<void> {
    const key = this.typingKey(target);
    await Promise.all([this.commands.hset(key, userId, until), this.commands.pexpire(key, TYPING_TTL_MS)]);
  }

  /** True when the user had a typing entry there. */
  async clearTyping(target: string, userId: string): Promise<boolean> {
    return (await this.commands.hdel(this.typingKey(target), userId)) > 0;
  }

  /** Whether any live instance holds the user on the target (this one included, once it has written). */
  async isPresent(target: string, userId: string): Promise<boolean> {
    const instances = await this.commands.smembers(this.index(target));
    const found = await Promise.all(instances.map((instance) => this.commands.hexists(this.members(target, instance), `u:${userId}`)));
    return found.some((value) => value === 1);
  }

  /** Everything other instances hold on a target, and its typing entries. */
  async load(target: string): Promise<StoredTarget> {
    const instances = (await this.commands.smembers(this.index(target))).filter((instance) => instance !== this.instance);
    const [stored, typing] = await Promise.all([
      Promise.all(
        instances.map((instance) =>
          Promise.all([this.commands.hgetall(this.members(target, instance)), this.commands.pttl(this.alive(instance))]),
        ),
      ),
      this.commands.hgetall(this.typingKey(target)),
    ]);
    const result: StoredTarget = { instances: new Map(), typing: new Map() };
    stored.forEach(([fields, aliveForMs], index) => {
      const instance = instances[index] as string;
      if (aliveForMs <= 0 || !fields['~v']) {
        // Left behind by an instance that died: nobody else will remove it from the set.
        if (aliveForMs === -2) this.commands.srem(this.index(target), instance).catch(() => {});
        return;
      }
      const users = new Map<string, PresentUser>();
      for (const [field, value] of Object.entries(fields)) {
        if (!field.startsWith('u:')) continue;
        const colon = value.indexOf(':');
        users.set(field.slice(2), { since: Number(value.slice(0, colon)), name: value.slice(colon + 1) });
      }
      result.instances.set(instance, { version: Number(fields['~v']), anonymous: Number(fields['~a'] ?? 0), users, aliveForMs });
    });
    for (const [userId, until] of Object.entries(typing)) result.typing.set(userId, Number(until));
    return result;
  }

  private refresh(target: string, failed: (error: Error) => void): void {
    this.commands.pexpire(this.members(target, this.instance), MEMBERS_TTL_MS).catch(failed);
    this.commands.sadd(this.index(target), this.instance).catch(failed);
    this.commands.pexpire(this.index(target), MEMBERS_TTL_MS).catch(failed);
  }

  /**
   * Keeps this instance alive for the others; with `targets`, also keeps their member hashes from
   * expiring (often enough that they never do while the instance lives: see MEMBERS_REFRESH_MS).
   */
  beat(targets: Iterable<string>): void {
    const redis = this.commands;
    const failed = (error: Error) => this.logger.warn({ err: error.message }, 'presence heartbeat failed');
    redis.set(this.alive(this.instance), Date.now(), 'PX', ALIVE_MS).catch(failed);
    for (const target of targets) this.refresh(target, failed);
    redis.publish(this.channel, JSON.stringify({ i: this.instance, b: 1 } satisfies PresenceMessage)).catch(failed);
  }

  /** A clean stop: this instance's members go at once instead of when its liveness key lapses. */
  async close(targets: Iterable<string>): Promise<void> {
    const redis = this.commands;
    try {
      if (redis.status === 'ready') {
        const writes: Array<Promise<unknown>> = [redis.del(this.alive(this.instance))];
        for (const target of targets) {
          writes.push(redis.del(this.members(target, this.instance)), redis.srem(this.index(target), this.instance));
        }
        writes.push(redis.publish(this.channel, JSON.stringify({ i: this.instance, x: 1 } satisfies PresenceMessage)));
        await Promise.all(writes);
      }
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'removing presence from redis at stop failed');
    }
    await Promise.all([this.commands.quit().catch(() => {}), this.subscriber.quit().catch(() => {})]);
  }
}
