/** A socket's operations, counted against its bounds until each is over. */

import type { StreamControl, StreamRelease } from '../../live/subscriber-stream.js';

/**
 * One subscribe message a socket counts against its bounds, from its arrival until the operation
 * is over: while graphql-ws sets it up and runs it, or, once released to the socket (its live
 * events written by the fan-out), until its stream ends.
 */
export class Operation {
  settled = false;
  /** Set when the operation is released from graphql-ws: the stream the socket then ends itself. */
  stream: Pick<StreamControl, 'end'> | undefined = undefined;
  /** What it was charged against the instance's budgets (live/budget.ts). */
  share: { release(): void } | undefined = undefined;

  constructor(
    readonly id: string,
    /** Length of its message, counted in `maxOperationBytes`. */
    readonly bytes: number,
  ) {}
}

/**
 * Operations by id, as a Map would keep them, for sockets that nearly always have one: a lone
 * operation is kept as it is, and a map (some 180 bytes even when small) is made for a second.
 */
export class OperationsById {
  private one: Operation | undefined;
  private many: Map<string, Operation> | undefined;

  get size(): number {
    return this.many ? this.many.size : this.one ? 1 : 0;
  }

  get(id: string): Operation | undefined {
    if (this.many) return this.many.get(id);
    return this.one?.id === id ? this.one : undefined;
  }

  set(operation: Operation): void {
    if (this.many) this.many.set(operation.id, operation);
    else if (!this.one || this.one.id === operation.id) this.one = operation;
    else {
      this.many = new Map([
        [this.one.id, this.one],
        [operation.id, operation],
      ]);
      this.one = undefined;
    }
  }

  delete(id: string): void {
    if (!this.many) {
      if (this.one?.id === id) this.one = undefined;
      return;
    }
    this.many.delete(id);
    if (this.many.size === 0) this.many = undefined;
  }

  values(): Iterable<Operation> {
    if (this.many) return this.many.values();
    return this.one ? [this.one] : [];
  }
}

/** What keeps a released operation's stream: the socket's session. */
export interface OperationKeeper {
  keep(operation: Operation, stream: Pick<StreamControl, 'end'>, forget: () => void): void;
  endReleased(operation: Operation): void;
}

/** The release of an operation the socket was setting up when graphql-ws asked for it. */
export class OperationRelease implements StreamRelease {
  constructor(
    private readonly keeper: OperationKeeper,
    private readonly operation: Operation,
    private readonly forget: () => void,
  ) {}

  released(stream: Pick<StreamControl, 'end'>): void {
    this.keeper.keep(this.operation, stream, this.forget);
  }

  ended(): void {
    this.keeper.endReleased(this.operation);
  }
}

/** The release of an id the socket is not setting up: nothing keeps the stream, so it ends at once. */
export const UNKNOWN_OPERATION: StreamRelease = {
  released: (stream) => stream.end(),
  ended: () => {},
};
