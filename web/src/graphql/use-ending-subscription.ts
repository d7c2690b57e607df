import { useEffect, useState } from 'react';
import { type AnyVariables, type TypedDocumentNode, useClient } from 'urql';
import { onEnd, pipe, subscribe } from 'wonka';

/**
 * Keeps a subscription open while mounted (graphcache's updaters handle its events) and says
 * when the server ended it: `commentChanged` completes when its target is deleted or hidden.
 * urql's useSubscription does not tell an end from a running stream, hence this small hook.
 */
export function useEndingSubscription<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  pause = false,
): { ended: boolean } {
  const client = useClient();
  const [ended, setEnded] = useState(false);
  const identity = JSON.stringify(variables);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the variables' JSON is their identity
  useEffect(() => {
    if (pause) return;
    setEnded(false);
    let mounted = true;
    const { unsubscribe } = pipe(
      client.subscription(query, variables),
      onEnd(() => {
        if (mounted) setEnded(true);
      }),
      subscribe(() => {}),
    );
    return () => {
      mounted = false;
      unsubscribe();
    };
  }, [client, query, identity, pause]);
  return { ended };
}
