/**
 * The same response, with `onChunk` called for every chunk of its body as it arrives: SSE
 * keep-alive comments never reach graphql-sse's sink, yet they prove the stream is alive.
 */
export function withActivity(response: Response, onChunk: () => void): Response {
  if (!response.body) return response;
  const tap = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      onChunk();
      controller.enqueue(chunk);
    },
  });
  const { status, statusText, headers } = response;
  return new Response(response.body.pipeThrough(tap), { status, statusText, headers });
}
