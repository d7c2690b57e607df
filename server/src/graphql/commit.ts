import type { Context } from '../context.js';
import type { Committed } from '../model/owned-writes.js';

/**
 * The one place a mutation's committed changes are published. A write may commit several (a
 * comment and its notification; a recipe, its comments and their notifications), and each
 * reaches the bus in log order. Publishing happens only once the transaction has committed.
 */
export async function publishCommitted<Result>(ctx: Context, write: Promise<Committed<Result>>): Promise<Result> {
  const { result, changes } = await write;
  for (const change of changes) ctx.publisher.publish(change);
  return result;
}
