export interface WatchedStream {
  /** The same response, whose body passes every chunk through as it arrives. */
  response: Response;
  /** Fails the body with `reason` and lets go of the connection: graphql-sse takes it as a dropped stream and retries. */
  drop(reason: string): void;
}

/**
 * Watches an SSE response's body: `onEnd` is told once, with a reason, when it fails, ends, or
 * shows no sign of life for `idleMs` (it is then dropped). SSE keep-alive comments never reach
 * graphql-sse's sink, yet they prove the stream alive, so every chunk counts.
 */
export function watchStream(response: Response, idleMs: number, onEnd: (reason: string) => void = () => {}): WatchedStream {
  const source = response.body;
  if (!source) return { response, drop: () => {} };
  const reader = source.getReader();
  let idle: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  let output: ReadableStreamDefaultController<Uint8Array> | undefined;
  const end = (reason: string) => {
    clearTimeout(idle);
    if (ended) return false;
    ended = true;
    onEnd(reason);
    return true;
  };
  const drop = (reason: string) => {
    if (!end(reason)) return;
    const error = new Error(reason);
    output?.error(error);
    reader.cancel(error).catch(() => {});
  };
  const alive = () => {
    clearTimeout(idle);
    idle = setTimeout(() => drop(`no sign of life for ${idleMs} ms`), idleMs);
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      output = controller;
      alive();
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (ended) return;
        if (done) {
          end('the server ended the stream');
          controller.close();
          return;
        }
        alive();
        controller.enqueue(value);
      } catch (error) {
        if (end(error instanceof Error ? error.message : String(error))) controller.error(error);
      }
    },
    cancel(reason) {
      // graphql-sse let go of it: this side unsubscribed, or gave up on the stream.
      end('closed by the client');
      return reader.cancel(reason);
    },
  });
  const { status, statusText, headers } = response;
  return { response: new Response(body, { status, statusText, headers }), drop };
}
