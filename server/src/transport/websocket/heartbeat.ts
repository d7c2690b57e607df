/** The WebSocket heartbeat: finding sockets whose peer is gone. */

import type { WebSocket } from 'ws';

/** Pings leave in this many waves per interval, so the pongs of many sockets never arrive in one burst. */
const WAVES = 8;

/**
 * Protocol-level pings that find peers gone without a FIN (sleeping laptops, dead NATs). Once an
 * interval each socket's turn comes: a socket pinged at its last turn that has not answered is
 * cut; a socket the client has sent anything on since its last turn (the web app and graphql-ws
 * clients with `keepAlive` ping on their own) is alive and is not pinged; any other is pinged,
 * busy or not, since a write succeeding says nothing about the peer. A socket the fan-out writes
 * to within a quarter of an interval of its ping falling due takes the ping in the same write as
 * that delivery (`takeDuePing`); the rest are pinged on their own. Sockets are spread over
 * `WAVES` waves, one wave's turn every interval / WAVES.
 */
export class Heartbeat {
  private readonly waves: Array<Set<WebSocket>> = Array.from({ length: WAVES }, () => new Set());
  private nextWave = 0;
  private added = 0;
  /** Pinged at their last turn and not answered since. */
  private readonly unanswered = new WeakSet<WebSocket>();
  /** Sent something since their last turn. */
  private readonly answered = new WeakSet<WebSocket>();
  /** Sockets whose ping is due and has not left yet, with when it fell due, oldest first. */
  private readonly due = new Map<WebSocket, number>();
  private readonly timer: NodeJS.Timeout;
  /** Shared by every socket: `ws` calls it with the socket as `this`. */
  private readonly onPong: (this: WebSocket) => void;

  constructor(private readonly intervalMs: number) {
    const heartbeat = this;
    this.onPong = function (this: WebSocket) {
      heartbeat.heard(this);
    };
    this.timer = setInterval(() => this.tick(), intervalMs / WAVES);
    this.timer.unref();
  }

  /** Watches `socket` until `remove`; the socket's owner tells it of every message the client sends (`heard`). */
  add(socket: WebSocket): void {
    this.waves[this.added++ % WAVES]?.add(socket);
    socket.on('pong', this.onPong);
  }

  /** The client sent something on `socket`: it is alive. */
  heard(socket: WebSocket): void {
    this.unanswered.delete(socket);
    this.answered.add(socket);
  }

  /** `socket` closed. */
  remove(socket: WebSocket): void {
    for (const wave of this.waves) wave.delete(socket);
    this.due.delete(socket);
  }

  /**
   * True when `socket`'s ping is due and the caller sends it, in front of the delivery it is
   * writing, so both leave in one system call.
   */
  takeDuePing(socket: WebSocket): boolean {
    return this.due.size > 0 && this.due.delete(socket);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    const now = Date.now();
    const wave = this.waves[this.nextWave++ % WAVES] ?? new Set<WebSocket>();
    for (const socket of wave) {
      if (this.unanswered.has(socket)) {
        this.due.delete(socket);
        socket.terminate();
        continue;
      }
      if (this.answered.delete(socket)) continue;
      this.unanswered.add(socket);
      this.due.set(socket, now);
    }
    const latest = now - this.intervalMs / 4;
    for (const [socket, since] of this.due) {
      if (since > latest) break;
      this.due.delete(socket);
      if (socket.readyState === socket.OPEN) socket.ping();
    }
  }
}
