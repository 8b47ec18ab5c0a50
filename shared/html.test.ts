import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, scriptJson, unescapeHtml } from './html.js';

test('escapeHtml makes text and attribute values inert; unescapeHtml reads them back', () => {
  const value = `"><script>alert('x')</script>&amp;`;
  const escaped = escapeHtml(value);
  assert.equal(escaped, '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;');
  assert.doesNotMatch(escaped, /[<>"']/);
  assert.equal(unescapeHtml(escaped), value);
  assert.equal(unescapeHtml('it&#x27;s'), "it's");
});

test('scriptJson cannot close its script element, and parses back to the same value', () => {
  const value = { text: '</script><script>alert(1)</script>' };
  assert.doesNotMatch(scriptJson(value), /<\//);
  assert.deepEqual(JSON.parse(scriptJson(value)), value);
});
