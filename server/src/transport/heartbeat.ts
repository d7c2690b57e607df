import type { WebSocket } from 'ws';

/**
 * Protocol-level pings that find peers gone without a FIN (sleeping laptops, dead NATs): every
 * interval each socket must have answered the ping before, or it is cut. A ping is due on every
 * socket each interval, busy or not, since a write succeeding says nothing about the peer; what
 * changes with traffic is only how it leaves. A socket the fan-out writes to within the first
 * quarter of the interval takes its ping in the same system call as that delivery
 * (`takeDuePing`); the rest are pinged on their own when the quarter ends. Either way the peer
 * has at least three quarters of an interval to answer.
 */
export class Heartbeat {
  private readonly unanswered = new WeakSet<WebSocket>();
  /** Sockets whose ping of this interval has not left yet. */
  private readonly due = new Set<WebSocket>();
  private readonly timer: NodeJS.Timeout;
  private flush: NodeJS.Timeout | undefined;
  /** The pong listener, one function for every socket: `ws` calls it with the socket as `this`. */
  private readonly onPong: (this: WebSocket) => void;

  constructor(
    private readonly sockets: () => Iterable<WebSocket>,
    private readonly intervalMs: number,
  ) {
    const { unanswered } = this;
    this.onPong = function (this: WebSocket) {
      unanswered.delete(this);
    };
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  /** Watches `socket` until it closes. */
  add(socket: WebSocket): void {
    socket.on('pong', this.onPong);
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
    clearTimeout(this.flush);
  }

  private tick(): void {
    this.pingDue();
    for (const socket of this.sockets()) {
      if (this.unanswered.has(socket)) {
        socket.terminate();
        continue;
      }
      this.unanswered.add(socket);
      this.due.add(socket);
    }
    clearTimeout(this.flush);
    this.flush = setTimeout(() => this.pingDue(), this.intervalMs / 4);
    this.flush.unref();
  }

  private pingDue(): void {
    for (const socket of this.due) if (socket.readyState === socket.OPEN) socket.ping();
    this.due.clear();
  }
}
