/** The presence snapshot: what a target's subscribers receive, built once per target and tick. */

import type { PublicUser } from '../model/users.js';

/** At most this many signed-in members are named in a result; `count` still counts everyone. */
export const MAX_MEMBERS = 20;

/** One signed-in user present on a target, however many tabs and instances it is present through. */
export interface PresentUser {
  name: string;
  /** When it arrived (ms since the epoch), for "most recent first". */
  since: number;
}

export interface PresenceMemberView {
  user: PublicUser;
  typing: boolean;
}

/** What every subscriber of one target receives: the same for all of them, so it is built once per tick. */
export interface PresenceSnapshot {
  /** The target's global id, as clients sent it. */
  targetId: string;
  count: number;
  members: PresenceMemberView[];
  /** Equal for equal results: a tick whose snapshot has the same identity as the last one sends nothing. */
  identity: string;
}

/**
 * The result for a target from everyone present on it: typing members first, then the most recent
 * arrivals, at most MAX_MEMBERS of them. Linear in the users present, once per target and tick.
 */
export function buildSnapshot(
  targetId: string,
  users: ReadonlyMap<string, PresentUser>,
  anonymous: number,
  typing: (userId: string) => boolean,
): PresenceSnapshot {
  const ranked: Array<{ id: string; user: PresentUser; typing: boolean }> = [];
  for (const [id, user] of users) ranked.push({ id, user, typing: typing(id) });
  ranked.sort((a, b) => Number(b.typing) - Number(a.typing) || b.user.since - a.user.since || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const members = ranked.slice(0, MAX_MEMBERS).map((entry) => ({ user: { id: entry.id, name: entry.user.name }, typing: entry.typing }));
  const count = users.size + anonymous;
  const identity = `${count}|${members.map((member) => (member.typing ? `*${member.user.id}` : member.user.id)).join(',')}`;
  return { targetId, count, members, identity };
}
