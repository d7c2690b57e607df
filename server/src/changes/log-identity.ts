/** Which change log the database holds, so instances sharing a bus keep to their own. */

import type { Queryable } from '../db/client.js';
import { changeLogIdentity } from '../db/schema.js';

/**
 * The identity of the change log this database holds. Read once at start: it never changes, and
 * every instance on the same database reads the same one.
 */
export async function readLogIdentity(db: Queryable): Promise<string> {
  const [row] = await db.select({ logId: changeLogIdentity.logId }).from(changeLogIdentity).limit(1);
  if (!row) throw new Error('change_log_identity has no row; the migration that creates it inserts one, so it was deleted');
  return row.logId;
}
