import type { Context } from '../context.js';
import type { Committed } from '../model/owned-writes.js';

/**
 * The one place a mutation's committed changes are sequenced and published. A write may commit
 * several (a comment and its notification; a recipe, its comments and their notifications); they
 * get their positions, in order, only once the transaction has committed, and the mutation answers
 * after that, so a write acknowledged before another is sent is delivered first. The write is
 * committed whatever happens here: should sequencing fail, the sweep of any instance gives the
 * changes their positions later, and the client still gets its answer.
 */
export async function publishCommitted<Result>(ctx: Context, write: Promise<Committed<Result>>): Promise<Result> {
  const { result, appended } = await write;
  if (appended > 0) await ctx.sequencer.afterCommit();
  return result;
}
