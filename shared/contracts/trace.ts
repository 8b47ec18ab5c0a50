// W3C Trace Context: every request carries `traceparent: 00-<trace id>-<parent span id>-01`. The browser's typed
// client starts a trace per request; the edge passes it on; each service logs its trace id with every line and
// sends it on, as a child span, with the requests it makes itself (Checkout → Explore).
const hex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** The trace id of a traceparent header, or undefined when there is none (or it is malformed, or all zeros). */
export function traceIdOf(traceparent: string | null | undefined): string | undefined {
  const traceId = TRACEPARENT.exec(traceparent?.trim().toLowerCase() ?? '')?.[1];
  return traceId && !/^0+$/.test(traceId) ? traceId : undefined;
}

/** A new trace id (32 hex digits). */
export const newTraceId = () => hex(16);

/** A traceparent for a request made in the trace `traceId` (a new trace when none is given), as a new span. */
export const traceparent = (traceId: string = newTraceId()) => `00-${traceId}-${hex(8)}-01`;
