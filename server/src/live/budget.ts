/** The live budgets: what connections and subscriptions a client, and all clients together, may hold on an instance. */

import { type DocumentNode, parse, type Token, TokenKind } from 'graphql';
import type { ErrorCode } from '../errors.js';
import { groupOf } from './execution-group.js';

export interface LiveBudgetSettings {
  /** Cost of the distinct subscriptions of one connection together (MAX_SUBSCRIPTION_COST_PER_SOCKET). */
  costPerConnection: number;
  /** Cost of the distinct subscriptions of one client address together, over its connections (MAX_SUBSCRIPTION_COST_PER_ADDRESS). */
  costPerAddress: number;
  /** Cost of the distinct subscription documents the instance holds together (MAX_DOCUMENT_COST_PER_INSTANCE). */
  documentCostPerInstance: number;
  /** Connections open at once from one client address (MAX_SOCKETS_PER_ADDRESS). */
  connectionsPerAddress: number;
}

/** Bytes of text that cost as much as one token: a document padded with comments or long strings is not free. */
const BYTES_PER_UNIT = 16;

/**
 * What a subscription costs the instance, per event and in memory: its document's tokens (names,
 * punctuation and values, as graphql-armor's token limit counts them), or one per 16 bytes of
 * its text when that is more, plus one per 16 bytes of its variables. Executing a document per
 * event takes time roughly in proportion to its tokens (about 4 µs each, serialisation and
 * framing included), and a parsed document kept without locations about 200 bytes per token.
 */
export function documentCost(text: string, located: DocumentNode): number {
  let tokens = 0;
  for (let token: Token | null | undefined = located.loc?.startToken; token; token = token.next) {
    if (token.kind !== TokenKind.COMMENT && token.kind !== TokenKind.SOF && token.kind !== TokenKind.EOF) tokens += 1;
  }
  return Math.max(tokens, Math.ceil(text.length / BYTES_PER_UNIT), 1);
}

export function variablesCost(variables: unknown): number {
  return variables === undefined || variables === null ? 0 : Math.ceil(JSON.stringify(variables).length / BYTES_PER_UNIT);
}

/** One text's parsed document, shared by everyone who subscribes with that text. */
class LiveDocument {
  subscriptions = 0;
  constructor(
    readonly text: string,
    readonly document: DocumentNode,
    readonly cost: number,
  ) {}
}

/** Distinct groups and their cost within one scope: a connection or a client address. */
class Ledger {
  cost = 0;
  /** Per group: how many subscriptions of the scope are in it, and what it was charged when it came. */
  private readonly groups = new Map<string, { subscriptions: number; cost: number }>();

  has(group: string): boolean {
    return this.groups.has(group);
  }

  get empty(): boolean {
    return this.groups.size === 0;
  }

  add(group: string, cost: number): void {
    const entry = this.groups.get(group);
    if (entry) {
      entry.subscriptions += 1;
      return;
    }
    this.groups.set(group, { subscriptions: 1, cost });
    this.cost += cost;
  }

  remove(group: string): void {
    const entry = this.groups.get(group);
    if (!entry) return;
    entry.subscriptions -= 1;
    if (entry.subscriptions > 0) return;
    this.groups.delete(group);
    this.cost -= entry.cost;
  }
}

class AddressAccount {
  connections = 0;
  readonly ledger = new Ledger();
  constructor(readonly address: string) {}
}

/** What a connection spends from its own budget and its address's. */
export class ConnectionAccount {
  readonly ledger = new Ledger();
  closed = false;
  constructor(
    readonly budget: LiveBudget,
    readonly address: AddressAccount,
  ) {}

  /** The connection is gone; its subscriptions give their share back as each of them ends. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.address.connections -= 1;
    this.budget.forgetIfIdle(this.address);
  }
}

export type Admission =
  | { admitted: true; subscription: LiveSubscription }
  | { admitted: false; code: ErrorCode; message: string; retryAfter?: number };

/** One admitted subscription's share of the budgets, given back once when it ends. */
export class LiveSubscription {
  private released = false;
  constructor(
    private readonly account: ConnectionAccount,
    private readonly live: LiveDocument,
    private readonly group: string,
  ) {}

  /** The parsed document to execute: one object per text, kept without locations or tokens. */
  get document(): DocumentNode {
    return this.live.document;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.account.ledger.remove(this.group);
    this.account.address.ledger.remove(this.group);
    this.account.budget.forgetIfIdle(this.account.address);
    this.account.budget.releaseDocument(this.live);
  }
}

/**
 * Bounds what subscribers may ask of one instance: connections per client address, and the cost
 * of distinct execution groups (execution-group.ts) per connection and per address, so the work an event
 * causes is bounded by what each client may hold; and the cost of distinct documents per instance,
 * which bounds what the documents themselves take in memory whoever sends them. Subscribers who
 * share a group share its cost; only what a connection adds of its own is charged to it.
 * Counted per instance: a client spread over instances gets a share on each.
 */
export class LiveBudget {
  private readonly documents = new Map<string, LiveDocument>();
  private documentCost = 0;
  private readonly addresses = new Map<string, AddressAccount>();

  constructor(private readonly settings: LiveBudgetSettings) {}

  /** A connection from `address`, or null when that address has as many open as it may. */
  connect(address: string): ConnectionAccount | null {
    let account = this.addresses.get(address);
    if (!account) {
      account = new AddressAccount(address);
      this.addresses.set(address, account);
    }
    if (account.connections >= this.settings.connectionsPerAddress) return null;
    account.connections += 1;
    return new ConnectionAccount(this, account);
  }

  /**
   * Admits a subscription with `text`, already parsed (with locations) and validated as `located`,
   * or says why not. Nothing is charged for a refusal.
   */
  admit(
    account: ConnectionAccount,
    text: string,
    located: DocumentNode,
    operationName: string | null | undefined,
    variables: unknown,
  ): Admission {
    const { settings } = this;
    const known = this.documents.get(text);
    const cost = (known?.cost ?? documentCost(text, located)) + variablesCost(variables);
    if (cost > settings.costPerConnection) {
      return {
        admitted: false,
        code: 'BAD_USER_INPUT',
        message: `This subscription costs ${cost} (its tokens, or one per 16 bytes of its text and variables if more); one connection may hold ${settings.costPerConnection}.`,
      };
    }
    if (!known && this.documentCost + cost > settings.documentCostPerInstance) {
      return {
        admitted: false,
        code: 'RATE_LIMITED',
        message:
          'This server holds as many distinct subscription documents as it may; subscribe with one already in use, or try again later.',
        retryAfter: 30,
      };
    }
    const group = known ? groupOf(known.document, operationName, variables) : undefined;
    const { address } = account;
    if (!(group && account.ledger.has(group)) && account.ledger.cost + cost > settings.costPerConnection) {
      return {
        admitted: false,
        code: 'RATE_LIMITED',
        message: `The distinct subscriptions of this connection would cost more than ${settings.costPerConnection}; complete one first, or share a document and variables with another.`,
        retryAfter: 1,
      };
    }
    if (!(group && address.ledger.has(group)) && address.ledger.cost + cost > settings.costPerAddress) {
      return {
        admitted: false,
        code: 'RATE_LIMITED',
        message: `The distinct subscriptions from this address would cost more than ${settings.costPerAddress}; complete some first.`,
        retryAfter: 30,
      };
    }
    let live = known;
    if (!live) {
      live = new LiveDocument(text, parse(text, { noLocation: true }), cost - variablesCost(variables));
      this.documents.set(text, live);
      this.documentCost += live.cost;
    }
    live.subscriptions += 1;
    const key = group ?? groupOf(live.document, operationName, variables);
    account.ledger.add(key, cost);
    address.ledger.add(key, cost);
    return { admitted: true, subscription: new LiveSubscription(account, live, key) };
  }

  /** What the instance holds, for /metrics and tests. */
  usage(): { documents: number; documentCost: number; addresses: number } {
    return { documents: this.documents.size, documentCost: this.documentCost, addresses: this.addresses.size };
  }

  releaseDocument(live: LiveDocument): void {
    live.subscriptions -= 1;
    if (live.subscriptions > 0 || this.documents.get(live.text) !== live) return;
    this.documents.delete(live.text);
    this.documentCost -= live.cost;
  }

  forgetIfIdle(address: AddressAccount): void {
    if (address.connections === 0 && address.ledger.empty && this.addresses.get(address.address) === address) {
      this.addresses.delete(address.address);
    }
  }
}
