/** The Retry-After header of a rate-limited HTTP answer. */

import type { Plugin } from 'graphql-yoga';

/**
 * Over HTTP a RATE_LIMITED answer also says when to come back in a `Retry-After` header, which
 * proxies and HTTP clients understand without reading the body. The status stays 200: the errors
 * are execution errors, and other fields of the same operation may have succeeded.
 */
export function retryAfterHeader(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      const seconds = (result.errors ?? [])
        .filter((error) => error.extensions?.code === 'RATE_LIMITED')
        .map((error) => Number(error.extensions?.retryAfter))
        .filter(Number.isFinite);
      if (seconds.length === 0) return;
      const http = {
        ...result.extensions?.http,
        headers: { ...result.extensions?.http?.headers, 'Retry-After': String(Math.max(...seconds)) },
      };
      setResult({ ...result, extensions: { ...result.extensions, http } });
    },
  };
}
