// Sends a page as it is made: the head as soon as the page's status is known (the page's application has
// answered, within the render budget), so the browser starts on the import map's modules while the fragments
// render; then each part of the body as it arrives, compressed with a flush after each so nothing waits in the
// compressor's buffer.
import { PassThrough, type Transform } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Chunk } from './compose.js';
import type { PagePlan } from './shell.js';

/** A page still open after this long is logged, with what it waits for (nothing on a page's path should take it). */
const SLOW_PAGE_MS = 5000;

export async function streamPage(
  request: FastifyRequest,
  reply: FastifyReply,
  plan: PagePlan,
  headers: Readonly<Record<string, string>> = {},
  slowPageMs = SLOW_PAGE_MS,
): Promise<void> {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
  reply.hijack();
  const res = reply.raw;
  const out: Transform =
    encoding === 'br'
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : encoding === 'gzip'
        ? createGzip()
        : new PassThrough();
  // What the page is doing, for the log line of a page still open after slowPageMs: one that never ended would
  // otherwise leave no trace (the request's "completed" line never comes).
  let doing = 'waiting for the status';
  let parts = 0;
  const slow = setTimeout(
    () => request.log.warn({ doing, parts, url: request.url }, `a page is still open after ${slowPageMs} ms`),
    slowPageMs,
  );
  slow.unref();
  // A shopper who leaves mid-page: stop writing, say nothing.
  out.on('error', () => res.destroy());
  res.on('close', () => {
    clearTimeout(slow);
    out.destroy();
  });
  // The status goes first on the wire: it is known once the page's application has answered (or its budget is
  // spent) — a page that shows "not found" is a 404, not a 200.
  const status = await plan.status.catch(() => 200);
  if (out.destroyed) return;
  doing = 'writing the head';
  res.writeHead(status, {
    ...headers,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    vary: 'accept-encoding',
    ...(encoding ? { 'content-encoding': encoding } : {}),
  });
  out.pipe(res);
  const flush = () => {
    if ('flush' in out && typeof out.flush === 'function') (out as Transform & { flush(): void }).flush();
  };
  out.write(plan.head);
  flush();
  /** Writes chunks in order, each as soon as it is there; false once the shopper has left. */
  const write = async (chunks: readonly Chunk[]): Promise<boolean> => {
    for (const chunk of chunks) {
      if (typeof chunk === 'string') {
        out.write(chunk);
        continue;
      }
      flush();
      doing = `waiting for part ${parts + 1}`;
      const piece = await chunk.catch((error: unknown) => {
        request.log.error({ err: error }, 'a part of the page failed: left to the browser');
        return '';
      });
      parts++;
      if (out.destroyed) return false;
      if (typeof piece === 'string') out.write(piece);
      else if (!(await write(piece))) return false;
    }
    return true;
  };
  // The page always ends: a part that fails is left out (and logged), never left hanging — the response is
  // hijacked, so nothing else would end it.
  let tail = '';
  try {
    if (!(await write(plan.body))) return;
    doing = 'writing the tail';
    tail = plan.tail();
  } catch (error) {
    request.log.error({ err: error }, 'the page could not be finished');
  } finally {
    doing = 'ending (all written)';
    if (!out.destroyed) out.end(tail);
  }
}
