import type { Viewer } from '../auth/tokens.js';

/**
 * Who may share one execution of a subscription event. Subscribers with the same document and
 * variables (apart from `after`) see the same result for an event exactly when they fall in the
 * same visibility class for that event: for a recipe that is everyone, for a blog its author or
 * everyone else. Each subscription field states its rule next to its definition
 * (`extensions: { audience }`); a field without one is executed for each subscriber on its own,
 * so a field whose result depends on the viewer can never hand one viewer's result to another.
 */
export type AudienceRule<Event> = (event: Event, viewer: Viewer | null) => string;

/** The same rule for every event: the result does not depend on the viewer at all. */
export const everyone: AudienceRule<unknown> = () => 'everyone';

declare module 'graphql' {
  interface GraphQLFieldExtensions<_TSource, _TContext, _TArgs> {
    audience?: AudienceRule<never>;
  }
}
