/** Whether an id from a client can name a row at all. */

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from clients; one that is not a UUID cannot name a row and must not reach SQL. */
export function isUuid(value: string): boolean {
  return uuid.test(value);
}
