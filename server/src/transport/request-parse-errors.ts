/** What a client is told when its request body or parameters cannot be parsed. */

import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { isGraphQLError } from '../errors.js';

const badRequest = { code: 'BAD_REQUEST', http: { status: 400, spec: true } };

/**
 * Yoga's request parsers speak for the JSON parser: an invalid JSON body is refused with the
 * parser's own error under `extensions.originalError`, a multipart body with the form parser's
 * words in the message, and a malformed `variables` or `extensions` parameter (GET, form body)
 * escapes as a bare SyntaxError, which reads as an internal error and is logged as one. A client
 * is told what was wrong with its request, as Yoga words it, and nothing of the parsers.
 */
export function useRequestParseErrors(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          throw withoutParserDetail(error);
        }
      });
    },
  };
}

function withoutParserDetail(error: unknown): unknown {
  if (error instanceof SyntaxError) {
    return new GraphQLError('The "variables" or "extensions" parameter is malformed: each must be a JSON object.', {
      extensions: badRequest,
    });
  }
  if (!isGraphQLError(error)) return error;
  const multipart = /^POST body sent invalid multipart data\b/.exec(error.message);
  if (!multipart && !('originalError' in error.extensions)) return error;
  const { originalError: _parserError, ...extensions } = error.extensions;
  return new GraphQLError(multipart ? `${multipart[0]}.` : error.message, { extensions });
}
