/** Audience rules: the ones subscription fields declare, and finding the rule of an operation. */

import { type DocumentNode, type GraphQLSchema, getOperationAST, Kind } from 'graphql';
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

/** For events whose result the author of the change sees differently from everyone else (drafts). */
export const authorOrPublic: AudienceRule<{ author: { id: string } }> = (event, viewer) =>
  viewer !== null && event.author.id === viewer.id ? 'author' : 'public';

declare module 'graphql' {
  interface GraphQLFieldExtensions<_TSource, _TContext, _TArgs> {
    audience?: AudienceRule<never>;
  }
}

/**
 * The audience rule of the one root field a subscription operation selects, or null when there
 * is none to trust: not a subscription, a root selected through a fragment or under a directive,
 * or a field that declares no rule. Null means every subscriber is executed on its own.
 */
export function audienceRuleOf(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): AudienceRule<unknown> | null {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'subscription') return null;
  const [root, ...others] = operation.selectionSet.selections;
  if (!root || others.length > 0 || root.kind !== Kind.FIELD || root.directives?.length) return null;
  const field = schema.getSubscriptionType()?.getFields()[root.name.value];
  return (field?.extensions.audience as AudienceRule<unknown> | undefined) ?? null;
}
