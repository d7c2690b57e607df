import type { Context } from '../context.js';
import type { Committed } from '../model/owned-writes.js';

/**
 * The one place a mutation's committed changes are handed on to be sequenced and published. A
 * write may commit several (a comment and its notification; a recipe, its comments and their
 * notifications); they get their positions, in order, once the transaction has committed.
 *
 * The mutation answers without waiting for that, and order still holds: positions go to committed
 * changes in append order, and a write sent after another was answered appends after it, so
 * whichever sequencing call takes the later write sees the earlier one committed too, and gives it
 * the smaller position if nothing had yet. Should sequencing fail, the sweep of any instance gives
 * the changes their positions later.
 */
export async function publishCommitted<Result>(ctx: Context, write: Promise<Committed<Result>>): Promise<Result> {
  const { result, appended } = await write;
  if (appended > 0) void ctx.sequencer.afterCommit();
  return result;
}
