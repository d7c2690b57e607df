/** SSE streams' charge against the live budgets. */

import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { userError } from '../errors.js';
import type { LiveBudget } from '../live/budget.js';

/**
 * An SSE stream is a connection with one subscription, charged against the same budgets as a
 * WebSocket and its subscriptions (live/budget.ts): connections per client address, and the cost
 * of distinct subscriptions per connection, per address and per instance. Without it a client
 * could get round every one of those limits by streaming over HTTP instead. A WebSocket's
 * subscriptions are admitted by the socket itself before they reach here.
 */
export function useStreamBudget(budget: LiveBudget): Plugin {
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const context = args.contextValue as unknown as Context & { params?: { query?: string } };
      if (!context.transport.endsAtTokenExpiry) return;
      const account = budget.connect(context.clientAddress);
      if (!account) {
        setResultAndStopExecution({
          errors: [userError('RATE_LIMITED', 'This address has as many connections open as it may; close one first.', { retryAfter: 30 })],
        });
        return;
      }
      const text = context.params?.query ?? '';
      const admission = budget.admit(account, text, args.document, args.operationName, args.variableValues);
      if (!admission.admitted) {
        account.close();
        const extensions = admission.retryAfter === undefined ? {} : { retryAfter: admission.retryAfter };
        setResultAndStopExecution({ errors: [userError(admission.code, admission.message, extensions)] });
        return;
      }
      const release = () => {
        admission.subscription.release();
        account.close();
      };
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) {
            release();
            return;
          }
          return { onEnd: release };
        },
      };
    },
  };
}
