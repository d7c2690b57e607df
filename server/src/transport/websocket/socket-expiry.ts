/** Closing sockets when their token expires. */

import type { WebSocket } from 'ws';
import { atTokenExpiry } from '../token-expiry.js';

/**
 * Closes sockets when the token they were opened with expires, with one timer per distinct
 * expiry instant rather than one per socket: the sockets of one token (a user's tabs, a fleet of
 * clients sharing a service token) share a timer.
 */
export class SocketExpiry {
  private readonly due = new Map<number, { sockets: Set<WebSocket>; cancel: () => void }>();
  constructor(private readonly expire: (socket: WebSocket) => void) {}

  /** `socket` is closed at `expiresAt` (ms since the epoch) unless it is removed first. */
  add(socket: WebSocket, expiresAt: number): void {
    const existing = this.due.get(expiresAt);
    if (existing) {
      existing.sockets.add(socket);
      return;
    }
    // Registered before the timer is armed: an instant already past fires at once, and must find the socket.
    const group = { sockets: new Set([socket]), cancel: () => {} };
    this.due.set(expiresAt, group);
    group.cancel = atTokenExpiry(expiresAt, () => {
      this.due.delete(expiresAt);
      for (const expired of group.sockets) this.expire(expired);
    });
  }

  /** `socket`, added with `expiresAt`, closed: it no longer keeps that expiry's timer. */
  remove(socket: WebSocket, expiresAt: number): void {
    const group = this.due.get(expiresAt);
    if (!group?.sockets.delete(socket) || group.sockets.size > 0) return;
    group.cancel();
    this.due.delete(expiresAt);
  }
}
