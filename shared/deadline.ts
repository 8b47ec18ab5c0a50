// The one deadline helper, in the browser and on the server: a wait that settles by its deadline, whatever the
// work does. Every bounded wait on the server goes through it (the gateway's parts and live map, a service's
// renders and its calls to another service); the typed client in the browser keeps AbortSignal.timeout. A fetch given
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
