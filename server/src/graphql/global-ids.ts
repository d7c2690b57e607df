/** Reads a global id without refusing garbage: for arguments where any unknown id must read as absent. */
export function parseGlobalId(value: string): { typename: string; id: string } | null {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 1 || Buffer.from(decoded).toString('base64') !== value) return null;
  return { typename: decoded.slice(0, separator), id: decoded.slice(separator + 1) };
}

export function toGlobalId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`).toString('base64');
}
