// The one deadline helper, in the browser and on the server: a wait that settles by its deadline, whatever the
// work does. The waits on a page's path go through it (the gateway's parts and live map, a service's renders,
// Checkout's store lookup). A plain fetch whose body is read under the same signal keeps AbortSignal.timeout
// (the asset store, the import map polls, a team's OpenAPI document), and so does the typed client, which is
// in every team's browser bundle (its callers on the server bound it with withinTime). A fetch given
// AbortSignal.timeout() was not enough: a benchmark caught a /products page still open after 15 s, its gateway
// waiting on Explore's part, long past the 150 ms budget. (Node keeps a timeout signal's timer only weakly, so a
// signal nothing else holds may be collected before it fires; whatever the cause, a race against our own timer
// cannot be missed.)

/**
 * Runs `work` with a signal that aborts after `ms`, and rejects with a TimeoutError then even if `work` never
 * settles (a body that never ends, a pool that never frees a connection).
 */
export async function withinTime<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
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
