import { ApolloLink } from '@apollo/client';
import { print } from 'graphql';
import { Observable } from 'rxjs';
import type { LiveClient } from './client.js';

/**
 * An Apollo Client 4 link for subscriptions (split it off with `ApolloLink.split`, as
 * `GraphQLWsLink` would be): each one resumes from its last cursor after every reconnect.
 * GraphQL errors reach Apollo as results (`CombinedGraphQLErrors`); a `CursorError` or an
 * `AuthenticationError` as the subscription's error.
 */
export class LiveLink extends ApolloLink {
  constructor(readonly live: LiveClient) {
    super(
      (operation) =>
        new Observable<ApolloLink.Result>((observer) =>
          live.forward(
            {
              query: print(operation.query),
              operationName: operation.operationName ?? null,
              variables: operation.variables,
              extensions: operation.extensions,
            },
            {
              next: (result) => observer.next(result as ApolloLink.Result),
              error: (error) => observer.error(error),
              complete: () => observer.complete(),
            },
          ),
        ),
    );
  }
}
