/** The User type: a person as the API shows them, by public name only. */

import { type PublicUser, usersByIds } from '../../model/users.js';
import { builder } from '../builder.js';

export const UserRef = builder.loadableNode('User', {
  description: 'A person with an account. Only the public name is exposed.',
  id: { resolve: (user: PublicUser) => user.id },
  load: (ids: string[], ctx) => usersByIds(ctx.db, ids),
  sort: (user) => user.id,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Display name.' }),
  }),
});

/** Subscription payloads carry the author; priming the loader keeps event delivery free of reads. */
export function primeAuthor(ctx: Parameters<typeof UserRef.getDataloader>[0], author: PublicUser): void {
  UserRef.getDataloader(ctx).clear(author.id).prime(author.id, author);
}
