// Every log line of a request names its W3C trace id: the caller's (traceparent), or a new one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { openTestDatabase } from './testing.js';
import { createServiceApp } from './app.js';

test('a request’s log lines carry the trace id of its traceparent, or a new one', async () => {
  const lines: { trace?: string; msg?: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const { db, close } = await openTestDatabase();
  const app = await createServiceApp({ team: 'explore', db, logger: { level: 'info', stream } });
  try {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    await app.inject({ url: '/health', headers: { traceparent: `00-${traceId}-b7ad6b7169203331-01` } });
    const ours = lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed');
    assert.equal(ours.length, 2);
    assert.ok(ours.every((l) => l.trace === traceId));

    lines.length = 0;
    await app.inject({ url: '/health', headers: { traceparent: 'garbage' } });
    const fresh = lines.find((l) => l.msg === 'incoming request')?.trace;
    assert.match(fresh ?? '', /^[0-9a-f]{32}$/);
    assert.notEqual(fresh, traceId);
  } finally {
    await app.close();
    await close();
  }
});
