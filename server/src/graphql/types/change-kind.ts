/** The ChangeKind enum every change event carries. */

import { builder } from '../builder.js';

export const ChangeKindEnum = builder.enumType('ChangeKind', {
  description: 'What a change did, as seen by the subscriber: appearing is CREATED, disappearing is DELETED.',
  values: ['CREATED', 'UPDATED', 'DELETED'] as const,
});
