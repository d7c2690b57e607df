/** Presence on this instance: rooms, ticks and snapshots, shared with the other instances through Redis. */

import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { ChangeRecord } from '../changes/change.js';
import type { ChangeFeed } from '../changes/feed.js';
import type { TargetKind } from '../db/schema.js';
import type { StreamRelease } from '../live/subscriber-stream.js';
import { PresenceStream, snapshotDelivery } from './presence-stream.js';
import { ALIVE_MS, MEMBERS_REFRESH_MS, type MemberWrite, type PresenceMessage, type RedisPresenceLink } from './redis-link.js';
import { buildSnapshot, type PresentUser } from './snapshot.js';

/** The timings of presence; the defaults are what the API documents. */
export interface PresenceTimings {
  /** Each subscriber gets at most one result per tick; changes within a tick are coalesced. */
  tickMs: number;
  /** `typing: true` lapses this long after the last setTyping(true). */
  typingMs: number;
  /** How often an instance tells the others it is alive. */
  beatMs: number;
}

export const DEFAULT_TIMINGS: PresenceTimings = { tickMs: 250, typingMs: 6_000, beatMs: 2_000 };

export interface PresenceOptions {
  /** The instance's name (INSTANCE_ID); a random suffix tells one run of it from the next. */
  instanceId: string;
  feed: ChangeFeed;
  /** Shares presence with the other instances; null when this is the only instance. */
  link: RedisPresenceLink | null;
  logger: Logger;
  timings?: Partial<PresenceTimings>;
}

export interface PresenceTarget {
  kind: TargetKind;
  id: string;
  /** The id clients know it by. */
  globalId: string;
}

export interface Joining {
  /** Null for an anonymous viewer. */
  user: { id: string; name: string } | null;
  /** What the viewer's subscriptions share: anonymous viewers count once per connection. */
  connection: object;
  onOverflow(): void;
  release?: StreamRelease | undefined;
}

/** One subscription of one viewer on a target. */
interface Session {
  room: Room;
  userId: string | null;
  connection: object;
  stream: PresenceStream;
  /** Counted once the viewer is known to be allowed on the target. */
  admitted: boolean;
}

/** What other instances hold on a target. */
interface RemoteMembers {
  version: number;
  anonymous: number;
  users: Map<string, PresentUser>;
}

/** A target with subscribers on this instance: what they see, and what this instance owes the others. */
class Room {
  readonly sessions = new Set<Session>();
  /** Signed-in users present through this instance, with how many of their subscriptions. */
  readonly users = new Map<string, PresentUser & { sessions: number }>();
  /** Anonymous connections present through this instance, with how many subscriptions each. */
  readonly anonymous = new Map<object, number>();
  remote = new Map<string, RemoteMembers>();
  typing = new Map<string, number>();
  /** Streams still waiting for their first result. */
  fresh: PresenceStream[] = [];
  lastIdentity: string | null = null;
  /** This instance's member writes for the target so far. */
  version = 0;
  /** Users whose presence through this instance changed since the last write. */
  readonly changedUsers = new Set<string>();
  anonymousChanged = false;
  /** The next write replaces everything the others know of this instance here. */
  full = false;
  /** Remote state is being read; messages wait in `held` meanwhile. */
  loading = false;
  held: PresenceMessage[] = [];
  refreshedAt = 0;
  unlisten: () => void = () => {};

  constructor(
    readonly key: string,
    readonly target: PresenceTarget,
  ) {}

  get owesWrite(): boolean {
    return this.changedUsers.size > 0 || this.anonymousChanged || this.full;
  }
}

const keyOf = (kind: string, id: string) => `${kind}:${id}`;

/**
 * Who is on which recipe or blog, across instances. Subscribers of a target on this instance
 * share one room; every tick, each room that changed writes this instance's part to Redis and
 * tells the others in one message, then builds one snapshot that every subscriber of the room
 * receives through the shared fan-out. Work per tick grows with the targets that changed, never
 * with members squared.
 */
export class Presence {
  readonly instance: string;
  private readonly timings: PresenceTimings;
  private readonly rooms = new Map<string, Room>();
  /** Rooms to look at in the next tick: something changed, or a typing entry may lapse. */
  private readonly dirty = new Set<Room>();
  private readonly typingRooms = new Set<Room>();
  /** Typing changes to announce for targets, whether or not anyone here watches them. */
  private readonly typingOutbox = new Map<string, Map<string, number>>();
  /** When each other instance was last heard from (this instance's clock). */
  private readonly heard = new Map<string, number>();
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly options: PresenceOptions) {
    this.instance = `${options.instanceId}:${randomBytes(4).toString('hex')}`;
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
  }

  async start(): Promise<void> {
    const { link } = this.options;
    if (link) {
      await link.start(
        this.instance,
        (message) => this.receive(message),
        () => this.resync(),
      );
      link.beat([]);
      this.every(this.timings.beatMs, () => this.beat());
      this.every(1_000, () => this.sweep());
    }
    this.every(this.timings.tickMs, () => this.tick());
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    for (const room of this.rooms.values()) for (const session of [...room.sessions]) session.stream.end();
    await this.options.link?.close([...this.rooms.keys()]);
  }

  /** Members present through this instance (users once per target, anonymous connections) and the targets they are on. */
  stats(): { members: number; targets: number } {
    let members = 0;
    for (const room of this.rooms.values()) members += room.users.size + room.anonymous.size;
    return { members, targets: this.rooms.size };
  }

  /**
   * Opens a viewer's presence on a target; the viewer counts once `admit` resolves, which should
   * check that it may see the target. The stream is already ended by a change that hides or
   * deletes the target meanwhile, so a check made before such a change cannot let it in.
   */
  async join(target: PresenceTarget, joining: Joining, admit: () => Promise<void>): Promise<PresenceStream> {
    const key = keyOf(target.kind, target.id);
    let room = this.rooms.get(key);
    if (!room) {
      room = new Room(key, target);
      // Its target's changes may end its streams; listened to from before any viewer is admitted.
      room.unlisten = this.options.feed.listen(target.kind, (change) => this.targetChanged(room as Room, change));
      this.rooms.set(key, room);
      if (this.options.link) void this.reload(room);
    }
    const session: Session = {
      room,
      userId: joining.user?.id ?? null,
      connection: joining.connection,
      stream: undefined as never,
      admitted: false,
    };
    session.stream = new PresenceStream({ onEnd: () => this.leave(session), onOverflow: joining.onOverflow, release: joining.release });
    room.sessions.add(session);
    try {
      await admit();
    } catch (error) {
      session.stream.end();
      throw error;
    }
    if (session.stream.finished) return session.stream;
    session.admitted = true;
    if (joining.user) {
      const present = room.users.get(joining.user.id);
      if (present) present.sessions += 1;
      else {
        room.users.set(joining.user.id, { name: joining.user.name, since: Date.now(), sessions: 1 });
        room.changedUsers.add(joining.user.id);
      }
    } else {
      const count = room.anonymous.get(joining.connection) ?? 0;
      room.anonymous.set(joining.connection, count + 1);
      if (count === 0) room.anonymousChanged = true;
    }
    room.fresh.push(session.stream);
    this.dirty.add(room);
    return session.stream;
  }

  /**
   * Whether the user is present on the target through any instance. An instance writes a new
   * member within a tick, so a viewer that subscribed a moment ago elsewhere may not be seen yet.
   */
  async isPresent(target: PresenceTarget, userId: string): Promise<boolean> {
    if (this.rooms.get(keyOf(target.kind, target.id))?.users.has(userId)) return true;
    return this.options.link ? this.options.link.isPresent(keyOf(target.kind, target.id), userId) : false;
  }

  /** Sets or ends the user's typing on the target; the caller has checked the user is present. */
  async setTyping(target: PresenceTarget, userId: string, typing: boolean): Promise<void> {
    const key = keyOf(target.kind, target.id);
    const until = typing ? Date.now() + this.timings.typingMs : 0;
    const { link } = this.options;
    if (link) {
      if (typing) await link.setTyping(key, userId, until);
      else await link.clearTyping(key, userId);
    }
    this.applyTyping(key, userId, until);
    if (link) this.announceTyping(key, userId, until);
  }

  /**
   * The user's comment on the target was posted: its typing ends at once, wherever it was set.
   * Never fails: the comment is committed whatever happens here, and typing lapses by itself.
   */
  async commentPosted(target: { kind: TargetKind; id: string }, userId: string): Promise<void> {
    const key = keyOf(target.kind, target.id);
    const { link } = this.options;
    const local = this.rooms.get(key)?.typing.has(userId) ?? false;
    this.applyTyping(key, userId, 0);
    if (!link) return;
    try {
      if ((await link.clearTyping(key, userId)) || local) this.announceTyping(key, userId, 0);
    } catch (error) {
      this.options.logger.warn({ err: (error as Error).message }, 'ending typing in redis failed; it lapses by itself');
    }
  }

  private every(ms: number, run: () => void): void {
    const timer = setInterval(() => {
      try {
        run();
      } catch (error) {
        this.options.logger.error({ err: error }, 'presence timer failed');
      }
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }

  private leave(session: Session): void {
    const { room } = session;
    room.sessions.delete(session);
    if (session.admitted) {
      if (session.userId) {
        const present = room.users.get(session.userId);
        if (present && --present.sessions === 0) {
          room.users.delete(session.userId);
          room.changedUsers.add(session.userId);
        }
      } else {
        const count = room.anonymous.get(session.connection) ?? 0;
        if (count <= 1) {
          room.anonymous.delete(session.connection);
          room.anonymousChanged = true;
        } else room.anonymous.set(session.connection, count - 1);
      }
    }
    this.dirty.add(room);
  }

  private applyTyping(key: string, userId: string, until: number): void {
    const room = this.rooms.get(key);
    if (!room) return;
    if (until > 0) room.typing.set(userId, until);
    else room.typing.delete(userId);
    this.typingRooms.add(room);
    this.dirty.add(room);
  }

  private announceTyping(key: string, userId: string, until: number): void {
    let pending = this.typingOutbox.get(key);
    if (!pending) {
      pending = new Map();
      this.typingOutbox.set(key, pending);
    }
    pending.set(userId, until);
  }

  /** Once per tick: lapse typing, write and announce what changed here, send each changed room its snapshot. */
  private tick(): void {
    const now = Date.now();
    for (const room of this.typingRooms) {
      let lapsed = false;
      for (const [userId, until] of room.typing) {
        if (until > now) continue;
        room.typing.delete(userId);
        lapsed = true;
      }
      if (lapsed) this.dirty.add(room);
      if (room.typing.size === 0) this.typingRooms.delete(room);
    }
    const { link } = this.options;
    if (link) {
      for (const room of this.dirty) {
        if (this.rooms.get(room.key) !== room) continue;
        const typing = this.typingOutbox.get(room.key);
        this.typingOutbox.delete(room.key);
        const members = this.memberWrite(room);
        if (members || typing) link.write(room.key, members, typing ? [...typing] : []);
      }
      for (const [key, typing] of this.typingOutbox) link.write(key, null, [...typing]);
      this.typingOutbox.clear();
    }
    for (const room of this.dirty) {
      if (this.rooms.get(room.key) !== room) {
        // Closed in an earlier tick; a reload that finished since marked it again.
        this.dirty.delete(room);
        continue;
      }
      if (room.sessions.size === 0) {
        room.unlisten();
        this.rooms.delete(room.key);
        this.typingRooms.delete(room);
      } else if (!room.loading) this.broadcast(room);
      else continue;
      this.dirty.delete(room);
    }
  }

  /** This instance's part of the room since the last tick, or null when nothing changed. */
  private memberWrite(room: Room): MemberWrite | null {
    const gone = room.sessions.size === 0;
    // A room that never wrote anything has nothing to take back.
    if (gone ? room.version === 0 : !room.owesWrite) return null;
    const set: MemberWrite['set'] = [];
    const del: string[] = [];
    const changed = room.full ? room.users.keys() : room.changedUsers;
    for (const userId of changed) {
      const present = room.users.get(userId);
      if (present) set.push([userId, present.name, present.since]);
      else del.push(userId);
    }
    room.version += 1;
    const write = { version: room.version, full: room.full, gone, set, del, anonymous: room.anonymous.size };
    room.changedUsers.clear();
    room.anonymousChanged = false;
    room.full = false;
    room.refreshedAt = Date.now();
    return write;
  }

  private broadcast(room: Room): void {
    const users = new Map<string, PresentUser>();
    let anonymous = room.anonymous.size;
    for (const [id, user] of room.users) users.set(id, user);
    for (const remote of room.remote.values()) {
      anonymous += remote.anonymous;
      for (const [id, user] of remote.users) {
        const known = users.get(id);
        if (!known || known.since < user.since) users.set(id, user);
      }
    }
    const now = Date.now();
    const snapshot = buildSnapshot(room.target.globalId, users, anonymous, (id) => (room.typing.get(id) ?? 0) > now);
    const changed = snapshot.identity !== room.lastIdentity;
    const receivers = changed ? [...room.sessions].filter((s) => s.admitted).map((s) => s.stream) : room.fresh;
    room.fresh = [];
    room.lastIdentity = snapshot.identity;
    if (receivers.length === 0) return;
    const delivery = snapshotDelivery(snapshot);
    for (const stream of receivers) stream.deliver(delivery);
  }

  /** A deleted target ends every stream on it, one hidden from a viewer ends that viewer's. */
  private targetChanged(room: Room, change: ChangeRecord): void {
    if (change.entityId !== room.target.id) return;
    const after = change.after as { published?: boolean; authorId?: string } | null;
    for (const session of [...room.sessions]) {
      const hidden = after === null || (change.entity === 'blog' && after.published === false && session.userId !== after.authorId);
      if (hidden) session.stream.end();
    }
  }

  private receive(message: PresenceMessage): void {
    this.heard.set(message.i, Date.now());
    if (message.x) {
      this.forget(message.i);
      return;
    }
    if (!message.t) return;
    const room = this.rooms.get(message.t);
    if (!room) return;
    if (room.loading) room.held.push(message);
    else this.apply(room, message);
  }

  private apply(room: Room, message: PresenceMessage): void {
    if (message.ty) {
      for (const [userId, until] of message.ty) {
        if (until > 0) room.typing.set(userId, until);
        else room.typing.delete(userId);
      }
      this.typingRooms.add(room);
      this.dirty.add(room);
    }
    if (message.v === undefined) return;
    this.dirty.add(room);
    if (message.g) {
      room.remote.delete(message.i);
      return;
    }
    let remote = room.remote.get(message.i);
    if (message.f || !remote) {
      // Anything but a whole picture or the first write of an instance means writes were missed.
      if (!message.f && message.v !== 1) {
        void this.reload(room);
        return;
      }
      remote = { version: 0, anonymous: 0, users: new Map<string, PresentUser>() };
      room.remote.set(message.i, remote);
    } else if (message.v <= remote.version) return;
    else if (message.v !== remote.version + 1) {
      void this.reload(room);
      return;
    }
    remote.version = message.v;
    remote.anonymous = message.a ?? remote.anonymous;
    for (const [id, name, since] of message.u ?? []) remote.users.set(id, { name, since });
    for (const id of message.d ?? []) remote.users.delete(id);
  }

  /** Reads what the other instances hold on the room's target, applying the messages that arrive meanwhile after it. */
  private async reload(room: Room): Promise<void> {
    const { link } = this.options;
    if (!link || room.loading) return;
    room.loading = true;
    room.held = [];
    try {
      const stored = await link.load(room.key);
      const now = Date.now();
      room.remote = new Map();
      for (const [instance, members] of stored.instances) {
        room.remote.set(instance, { version: members.version, anonymous: members.anonymous, users: members.users });
        // When its liveness key was last renewed, in this instance's clock.
        const renewed = now - (ALIVE_MS - members.aliveForMs);
        this.heard.set(instance, Math.max(this.heard.get(instance) ?? 0, renewed));
      }
      room.typing = stored.typing;
      this.typingRooms.add(room);
    } catch (error) {
      this.options.logger.warn({ err: (error as Error).message, target: room.key }, 'reading presence from redis failed; retrying');
      setTimeout(() => {
        if (this.rooms.get(room.key) === room) void this.reload(room);
      }, 1_000).unref();
    } finally {
      room.loading = false;
      const held = room.held;
      room.held = [];
      for (const message of held) this.apply(room, message);
      this.dirty.add(room);
    }
  }

  /** Messages may have been lost (a Redis reconnect): rewrite this instance's part and read the others' again. */
  private resync(): void {
    for (const room of this.rooms.values()) {
      room.full = true;
      this.dirty.add(room);
      void this.reload(room);
    }
  }

  private beat(): void {
    const now = Date.now();
    const due: string[] = [];
    for (const room of this.rooms.values()) {
      if (room.version === 0 || now - room.refreshedAt < MEMBERS_REFRESH_MS) continue;
      room.refreshedAt = now;
      due.push(room.key);
    }
    this.options.link?.beat(due);
  }

  /** Instances not heard from for as long as their liveness key lives are dead: their members go. */
  private sweep(): void {
    const now = Date.now();
    for (const [instance, at] of this.heard) if (now - at > ALIVE_MS) this.forget(instance);
  }

  private forget(instance: string): void {
    this.heard.delete(instance);
    for (const room of this.rooms.values()) if (room.remote.delete(instance)) this.dirty.add(room);
  }
}
