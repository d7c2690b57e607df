import type { Context } from '../context.js';
import type { Committed } from '../model/owned-writes.js';

/**
 * The one place a mutation's committed changes are sequenced and published. A write may commit
 * several (a comment and its notification; a recipe, its comments and their notifications); they
 * get their positions, in order, once the transaction has committed, and the mutation answers
 * after that: a client that subscribes once its write was answered never receives that write's
 * change, and one that resumes from an earlier cursor finds it in the log. Order would hold without
 * the wait (a write sent after another was answered appends after it), but what "before I
 * subscribed" means would not. Should sequencing fail, the write still stands and the client gets
 * its answer; the sweep of any instance gives the changes their positions later.
 */
export async function publishCommitted<Result>(ctx: Context, write: Promise<Committed<Result>>): Promise<Result> {
  const { result, appended } = await write;
  if (appended > 0) await ctx.sequencer.afterCommit();
  return result;
}
