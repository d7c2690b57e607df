/** The Pothos builder every type file adds to, with the rules of the whole schema: auth scope, write limit, global ids, DateTime. */

import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, Kind } from 'graphql';
import type { TokenViewer } from '../auth/tokens.js';
import type { Context } from '../context.js';
import { userError } from '../errors.js';
import MutationGuardPlugin from './mutation-guard.js';

/** The context of a field behind `t.withAuth({ signedIn: true })`: the viewer is known there. */
export type SignedInContext = Context & { viewer: TokenViewer };

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { signedIn: boolean };
  AuthContexts: { signedIn: SignedInContext };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
  };
}>({
  // Scope auth first, so its check wraps the others: an anonymous write is refused before the write limiter.
  plugins: [ScopeAuthPlugin, RelayPlugin, DataloaderPlugin, MutationGuardPlugin],
  defaultFieldNullability: false,
  // Only fields given scopes (root fields, through `t.withAuth`) are wrapped; change-event fields have none.
  scopeAuth: {
    authScopes: (ctx) => ({ signedIn: ctx.viewer !== null }),
    // signedIn is the only scope, so any refusal means the same thing.
    unauthorizedError: () => userError('UNAUTHENTICATED', 'Sign in to do this.'),
    // Checked once when a subscription starts, never on each event it delivers.
    authorizeOnSubscribe: true,
  },
  // Writes per user, across every instance; anonymous mutations (sign-up, sign-in) have their own limits.
  beforeMutation: async (ctx) => {
    if (ctx.viewer) await ctx.limits.write(ctx.viewer.id);
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    decodeGlobalID: (globalID) => {
      const decoded = Buffer.from(globalID, 'base64').toString('utf8');
      const separator = decoded.indexOf(':');
      const typename = decoded.slice(0, separator);
      if (separator < 1 || Buffer.from(decoded).toString('base64') !== globalID || !isNodeType(typename)) {
        throw userError('BAD_USER_INPUT', `"${globalID.slice(0, 64)}" is not an id from this API.`);
      }
      return { typename, id: decoded.slice(separator + 1) };
    },
  },
});

/** Only object types implementing Node (directly or through another interface) have global ids. */
function isNodeType(typename: string): boolean {
  const store = builder.configStore;
  if (!store.hasImplementation(typename)) return false;
  const config = store.getTypeConfig(typename);
  if (config.kind !== 'Object') return false;
  const pending = [...config.interfaces];
  for (let ref = pending.pop(); ref; ref = pending.pop()) {
    const iface = store.getTypeConfig(ref);
    if (iface.name === 'Node') return true;
    if (iface.kind === 'Interface') pending.push(...iface.interfaces);
  }
  return false;
}

builder.scalarType('DateTime', {
  description: 'An instant in time, as an ISO-8601 string in UTC with milliseconds.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO-8601 string.');
    return date;
  },
  parseLiteral: (ast) => {
    const date = ast.kind === Kind.STRING ? new Date(ast.value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO-8601 string.');
    return date;
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
