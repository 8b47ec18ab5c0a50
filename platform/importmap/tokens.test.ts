// Deploy tokens as production takes them: only from DEPLOY_TOKENS, each long enough and a team's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DeployTokens, MIN_TOKEN_BYTES, parseTokens } from './tokens.js';

const TEAMS = ['explore', 'decide'];
const long = (c: string) => c.repeat(MIN_TOKEN_BYTES);

test('DEPLOY_TOKENS: an object of the registry’s teams, each token its own and at least 32 bytes', () => {
  const tokens = parseTokens(JSON.stringify({ explore: long('e'), decide: long('d') }), TEAMS);
  assert.equal(new DeployTokens(tokens).teamOf(`Bearer ${long('d')}`), 'decide');

  const refused: [string, RegExp][] = [
    ['not json', /must be JSON/],
    ['["a"]', /JSON object: team → token/],
    [JSON.stringify({ explore: 'short' }), /explore's token must be a string of at least 32 bytes/],
    [JSON.stringify({ explore: long('x').slice(1) }), /at least 32 bytes/],
    [JSON.stringify({ explore: 42 }), /must be a string/],
    [JSON.stringify({ explore: long('s'), decide: long('s') }), /explore and decide have the same token/],
    [JSON.stringify({ nobody: long('n') }), /nobody, which is not a team/],
  ];
  for (const [json, message] of refused) {
    assert.throws(() => parseTokens(json, TEAMS), message, json);
    // A message may be logged: it never repeats a token.
    assert.throws(
      () => parseTokens(json, TEAMS),
      (error: Error) => !error.message.includes(long('s')),
    );
  }
});

test('in production the gateway refuses to start without DEPLOY_TOKENS, or with a weak one, and says why', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../server.ts')], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: '0', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
  const unset = start({});
  assert.equal(unset.status, 1);
  assert.match(unset.stderr, /The gateway cannot start: DEPLOY_TOKENS is not set/);
  const weak = start({ DEPLOY_TOKENS: JSON.stringify({ explore: 'secret' }) });
  assert.equal(weak.status, 1);
  assert.match(weak.stderr, /explore's token must be a string of at least 32 bytes/);
});
