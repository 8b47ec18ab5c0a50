// What the import map service asks a team's service before a switch: load this build's server renderer, and
// which contract version do you serve. Only the answers count; a service that is down is not asked to agree.
import type { ServerBundleRef } from '@tractor/shared/contracts/importmap';
import { PrepareRefused } from './release-checks.js';

/**
 * Asks the team's service to load a build's server renderer (POST /<team>/render/builds) and waits until it
 * has, so the first page after a switch is server-rendered. Only a bundle the service could not load (502:
 * missing, wrong integrity, failed to start) refuses the switch; a service that is down or renders nothing
 * is not asked to agree.
 */
export function prepareAt(services: Readonly<Record<string, string>>) {
  return async (team: string, build: string, server: ServerBundleRef) => {
    const origin = services[team];
    if (!origin) return;
    const response = await fetch(`${origin}/${team}/render/builds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ build, ...server }),
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.json().catch(() => undefined)) as { message?: string } | undefined;
    if (response.status === 502) throw new PrepareRefused(answer?.message ?? 'the bundle did not load');
    if (!response.ok) throw new Error(`${team}'s service answered ${response.status}: ${answer?.message}`);
  };
}

/** The contract version a team's live service serves: its OpenAPI document's info.version. */
export function servedContractsAt(services: Readonly<Record<string, string>>) {
  return async (team: string): Promise<readonly string[] | undefined> => {
    const origin = services[team];
    if (!origin) return undefined;
    const response = await fetch(`${origin}/${team}/api/openapi.json`, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) return void (await response.body?.cancel());
    const document = (await response.json()) as { info?: { version?: unknown } };
    return typeof document.info?.version === 'string' ? [document.info.version] : undefined;
  };
}
