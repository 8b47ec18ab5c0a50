// A wait on a page's path that settles by its deadline, whatever the work does. AbortSignal.timeout() is not
// enough: Node holds such a signal's timer weakly, so a signal nothing else keeps (fetch keeps it weakly too) can
// be collected before it fires — and a request that never answers then hangs the page for good (seen: a
// benchmark's /products load still open after 15 s, its gateway waiting on Explore's part).

/**
 * Runs `work` with a signal that aborts after `ms`, and rejects with a TimeoutError then even if `work` never
 * settles (a body that never ends, a pool that never frees a connection).
 */
export async function withinTime<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = new DOMException(`not done within ${ms} ms`, 'TimeoutError');
      controller.abort(reason);
      reject(reason);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), late]);
  } finally {
    clearTimeout(timer);
  }
}
