/** Accounts in the API: the viewer (`me`), sign-up, sign-in and token refresh. */

import { userError } from '../../errors.js';
import { type PublicUser, signIn, signUp, userById } from '../../model/users.js';
import { builder } from '../builder.js';
import { UserRef } from './user.js';

const AuthPayload = builder.objectRef<{ token: string; user: PublicUser }>('AuthPayload').implement({
  description: 'A session token and the account it belongs to.',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as `Authorization: Bearer <token>` or `connectionParams.authorization`.' }),
    user: t.field({ type: UserRef, resolve: (payload) => payload.user }),
  }),
});

const SignUpInput = builder.inputType('SignUpInput', {
  fields: (t) => ({
    email: t.string({ required: true, description: 'A valid email address; stored lower-cased.' }),
    password: t.string({ required: true, description: 'At least 8 characters.' }),
    name: t.string({ required: true, description: '1 to 100 characters.' }),
  }),
});

const SignInInput = builder.inputType('SignInInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    type: UserRef,
    nullable: true,
    description: 'The signed-in user, or null for an anonymous viewer.',
    resolve: (_root, _args, ctx) => (ctx.viewer ? userById(ctx.db, ctx.viewer.id) : null),
  }),
);

builder.mutationFields((t) => ({
  signUp: t.field({
    type: AuthPayload,
    description: 'Creates an account. A taken email is CONFLICT.',
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      await ctx.limits.signUp(ctx.clientAddress);
      const user = await signUp(ctx.db, input);
      return { user, token: await ctx.tokens.sign(user) };
    },
  }),
  signIn: t.field({
    type: AuthPayload,
    description: 'Exchanges email and password for a token. A wrong pair is UNAUTHENTICATED.',
    args: { input: t.arg({ type: SignInInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const user = await signIn(ctx.db, input, (email, attempt) => ctx.limits.signIn(email, ctx.clientAddress, attempt));
      return { user, token: await ctx.tokens.sign(user) };
    },
  }),
  refreshToken: t.field({
    type: AuthPayload,
    description:
      'Exchanges the valid, unexpired token this request carries for a new one with a fresh lifetime (TOKEN_TTL). Without one, or with an expired one, it is UNAUTHENTICATED.',
    resolve: async (_root, _args, ctx) => {
      // A socket's viewer outlives its token by up to the moment the socket is closed for it.
      if (!ctx.viewer || ctx.viewer.expiresAt <= Date.now()) throw userError('UNAUTHENTICATED', 'Sign in to refresh a token.');
      const user = await userById(ctx.db, ctx.viewer.id);
      if (!user) throw userError('UNAUTHENTICATED', 'The account no longer exists; sign in again.');
      return { user, token: await ctx.tokens.sign(user) };
    },
  }),
}));
