import { useEffect } from 'react';
import { useClient } from 'urql';
import { graphql } from '../../graphql/generated';
import { useSessionStore } from '../../lib/session';
import { keepSessionFresh } from '../../lib/session-refresh';

const RefreshTokenMutation = graphql(`
  mutation SessionRefresh_RefreshToken {
    refreshToken {
      token
      user {
        id
        name
      }
    }
  }
`);

/** Refreshes the viewer's token before it expires, for as long as the app is open. */
export function SessionRefresh() {
  const client = useClient();
  const sessions = useSessionStore();
  useEffect(
    () =>
      keepSessionFresh(sessions, {
        refresh: async () => {
          const result = await client.mutation(RefreshTokenMutation, {}, { requestPolicy: 'network-only' }).toPromise();
          if (result.data) return { kind: 'refreshed', session: result.data.refreshToken };
          const refused = result.error?.graphQLErrors.some((error) => error.extensions?.code === 'UNAUTHENTICATED');
          return refused ? { kind: 'rejected' } : { kind: 'failed' };
        },
      }),
    [client, sessions],
  );
  return null;
}
