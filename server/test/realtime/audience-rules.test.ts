import { type ExecutionResult, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/auth/tokens.js';
import { schema } from '../../src/graphql/schema.js';
import { type AudienceRule, audienceRuleOf, everyone } from '../../src/live/audience.js';
import { useLiveSubscriptions } from '../../src/live/live-subscriptions.js';
import { BLOG_CHANGED, RECIPE_CHANGED } from '../support/operations.js';

const ada: Viewer = { id: 'Ada' };
const bob: Viewer = { id: 'Bob' };
const byAda = { author: { id: 'Ada', name: 'Ada' }, kind: 'UPDATED', position: 7 };

describe('audience rules: who may share the execution of a subscription event', () => {
  it('puts the author of a blog change in a class of their own, and every other viewer, signed in or not, in one class', () => {
    const rule = audienceRuleOf(schema, BLOG_CHANGED);
    expect(rule).not.toBeNull();
    expect(rule?.(byAda, ada)).not.toBe(rule?.(byAda, bob));
    expect(rule?.(byAda, bob)).toBe(rule?.(byAda, null));
  });

  it('puts every viewer of a recipe change in one class', () => {
    const rule = audienceRuleOf(schema, RECIPE_CHANGED);
    expect(new Set([ada, bob, null].map((viewer) => rule?.(byAda, viewer))).size).toBe(1);
  });

  it('trusts no rule for a root field under a directive or behind a fragment', () => {
    expect(audienceRuleOf(schema, parse('subscription ($s: Boolean!) { recipeChanged @include(if: $s) { kind } }'))).toBeNull();
    expect(audienceRuleOf(schema, parse('subscription { ... on Subscription { recipeChanged { kind } } }'))).toBeNull();
  });

  it('executes a subscription field without an audience rule for each subscriber, even with the same document and event', async () => {
    expect(await resultsFor(undefined)).toEqual(['Ada', 'Bob']);
  });

  it('shares the first result among subscribers of a field whose rule says the result cannot differ', async () => {
    // The counterpart of the test above: it shows that test would catch a rule-less field being shared.
    expect(await resultsFor(everyone)).toEqual(['Ada', 'Ada']);
  });
});

/** Ada, then Bob, subscribe with one document to a field whose result names the viewer. */
async function resultsFor(audience: AudienceRule<unknown> | undefined): Promise<string[]> {
  const whoSees = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        viewerName: {
          type: GraphQLString,
          subscribe: async function* () {
            yield byAda;
          },
          resolve: (_event, _args, context: { viewer: Viewer | null }) => context.viewer?.id ?? 'nobody',
          extensions: audience ? { audience } : {},
        },
      },
    }),
  });
  const yoga = createYoga({
    schema: whoSees,
    plugins: [
      useLiveSubscriptions({
        viewerOf: (context) => (context as { viewer: Viewer | null }).viewer,
        sinkOf: () => null,
        maskError: (error) => error,
      }),
    ],
  });
  const names: string[] = [];
  for (const viewer of [ada, bob]) {
    const { subscribe, parse: parseDocument } = yoga.getEnveloped({ viewer });
    const stream = (await subscribe({
      schema: whoSees,
      document: parseDocument('subscription { viewerName }'),
      contextValue: { viewer },
    })) as AsyncIterable<ExecutionResult<{ viewerName: string }>>;
    for await (const result of stream) {
      names.push(result.data?.viewerName ?? '');
      break;
    }
  }
  return names;
}
