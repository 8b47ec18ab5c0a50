// One build of a team's server renderer, in a realm of its own (a worker thread: its own globals, its own
// custom-element registry, its own Lit). Two builds in one realm cannot both render: the second's elements
// would find the first's already defined and render its markup. Plain JavaScript: a worker does not inherit
// the service's TypeScript loader, and the bundle is JavaScript already.
//
// In: workerData.file (the bundle, checked against its integrity by chassis/builds.ts), then messages
//   {type: 'render', id, kind, name, url, attributes}   → {type: 'rendered', id, part} | {type: 'rendered', id, error}
//   {type: 'fetched', id, status, headers, body}        the answer to a {type: 'fetch'} this worker asked
// Out, once: {type: 'ready', parts} when the bundle is loaded (or the worker fails with the import's error).
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const { default: bundle } = await import(pathToFileURL(workerData.file).href);
if (!bundle || typeof bundle.render !== 'function' || !bundle.parts) {
  throw new Error('the server bundle exports no renderer (export default serverBundle(renderer))');
}

let nextFetch = 0;
/** @type {Map<number, {resolve: (r: Response) => void, reject: (e: Error) => void}>} */
const fetches = new Map();

/** The team's API, answered in the service's main thread (in-process, with the shopper's cookie). */
const fetchFor = (render) => async (input, init) => {
  const id = nextFetch++;
  const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
  const answer = new Promise((resolve, reject) => fetches.set(id, { resolve, reject }));
  parentPort.postMessage({
    type: 'fetch',
    id,
    render,
    url,
    method: init?.method ?? 'GET',
    headers: Object.fromEntries(new Headers(init?.headers).entries()),
    body: typeof init?.body === 'string' ? init.body : undefined,
  });
  return answer;
};

parentPort.on('message', async (message) => {
  if (message.type === 'fetched') {
    const waiting = fetches.get(message.id);
    fetches.delete(message.id);
    if (message.error) waiting?.reject(new TypeError(message.error));
    else waiting?.resolve(new Response(message.body, { status: message.status, headers: message.headers }));
    return;
  }
  if (message.type !== 'render') return;
  try {
    const context = { url: new URL(message.url), fetch: fetchFor(message.id) };
    const part = await bundle.render(message.kind, message.name, context, message.attributes);
    parentPort.postMessage({ type: 'rendered', id: message.id, part });
  } catch (error) {
    parentPort.postMessage({ type: 'rendered', id: message.id, error: String(error?.message ?? error) });
  }
});

parentPort.postMessage({ type: 'ready', parts: bundle.parts });
