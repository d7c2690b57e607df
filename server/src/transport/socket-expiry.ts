import type { WebSocket } from 'ws';
import { atTokenExpiry } from './token-expiry.js';

/**
 * Closes sockets when the token they were opened with expires, with one timer per distinct
 * expiry instant rather than one per socket: the sockets of one token (a user's tabs, a fleet of
 * clients sharing a service token) share a timer.
 */
export class SocketExpiry {
  private readonly due = new Map<number, { sockets: Set<WebSocket>; cancel: () => void }>();
  private readonly expiresAt = new WeakMap<WebSocket, number>();
  /** One close listener for every socket (`ws` calls it with the socket as `this`), not a closure each. */
  private readonly onClose: (this: WebSocket) => void;

  constructor(private readonly expire: (socket: WebSocket) => void) {
    const expiry = this;
    this.onClose = function (this: WebSocket) {
      const at = expiry.expiresAt.get(this);
      if (at !== undefined) expiry.remove(this, at);
    };
  }

  /** `socket` is closed at `expiresAt` (ms since the epoch) unless it closes first. */
  add(socket: WebSocket, expiresAt: number): void {
    let group = this.due.get(expiresAt);
    if (!group) {
      const sockets = new Set<WebSocket>();
      const cancel = atTokenExpiry(expiresAt, () => {
        this.due.delete(expiresAt);
        for (const expired of sockets) this.expire(expired);
      });
      group = { sockets, cancel };
      this.due.set(expiresAt, group);
    }
    group.sockets.add(socket);
    this.expiresAt.set(socket, expiresAt);
    // `on`, not `once`: ws emits 'close' once, and `once` would wrap the shared listener per socket.
    socket.on('close', this.onClose);
  }

  private remove(socket: WebSocket, expiresAt: number): void {
    const group = this.due.get(expiresAt);
    if (!group?.sockets.delete(socket) || group.sockets.size > 0) return;
    group.cancel();
    this.due.delete(expiresAt);
  }
}
