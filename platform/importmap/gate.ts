// The gate against what is live. Each build's manifest says what it provides (elements it defines, events it
// dispatches, parts its service renders, the contract version of its own API it was built against) and what it
// uses of the other teams (scripts/release-surface.js reads it from the sources). A deploy or rollback that would
// leave a live build of another team without something it uses, or that needs its own API at a version the
// team's service does not serve, is refused (409) before the map changes: the shopper's page would otherwise
// show an empty slot, or a mini cart that never hears of the cart's changes, with no error anywhere.
//
// Pure: the service hands it the change and the live releases. A release without a surface (a build from before
// manifests carried one) is skipped — it neither demands nor provides — so the gate can be rolled out team by team.
import { ReleaseSurface, type GateProblem } from '@tractor/shared/contracts/importmap';

export { ReleaseSurface, type GateProblem };

/** One team's build, as it is live or as a deploy or rollback would make it live. */
export interface Release {
  readonly team: string;
  readonly build: string;
  readonly surface?: ReleaseSurface | undefined;
}

/**
 * What would be missing if `change` became its team's live release: every other live build that uses an element
 * or event of the changing team the change does not provide; every element or event of another team the change
 * uses that the team's live build does not provide; and the change's contract version, when its team's service
 * does not serve it (`servedContracts`: team → the versions its live service answers). `live` may hold the
 * changing team's current release: the change replaces it. None: the change may go live.
 */
export function gateProblems(
  change: Release,
  live: readonly Release[],
  servedContracts?: Readonly<Record<string, readonly string[]>>,
): GateProblem[] {
  const surface = change.surface;
  if (!surface) return [];
  const others = live.filter((release) => release.team !== change.team);
  const owner = ownerFinder([change.team, ...others.map((release) => release.team)]);
  const problems: GateProblem[] = [];

  // (a) The other teams' live builds keep what they use of the changing team.
  for (const consumer of others) {
    for (const kind of KINDS) {
      for (const name of listOf(consumer.surface?.uses?.[plural[kind]])) {
        if (owner(kind, name) === change.team && !provides(surface, kind, name)) {
          problems.push(missing(consumer, change, kind, name, 'provider changes'));
        }
      }
    }
  }

  // (b) The change finds what it uses in the other teams' live builds. A team that has never deployed, or whose
  // build does not say, is not held against it: the first deploys of two teams that use each other must pass.
  for (const kind of KINDS) {
    for (const name of listOf(surface.uses?.[plural[kind]])) {
      const providerTeam = owner(kind, name);
      if (providerTeam === undefined || providerTeam === change.team) continue;
      const provider = others.find((release) => release.team === providerTeam);
      if (provider?.surface && !provides(provider.surface, kind, name)) {
        problems.push(missing(change, provider, kind, name, 'consumer changes'));
      }
    }
  }

  // (c) The build's own API is there at the version it was made against.
  const contract = surface.provides?.contract;
  const served = servedContracts?.[change.team];
  if (contract !== undefined && served !== undefined && !served.includes(contract)) {
    problems.push({
      consumer: change.team,
      consumerBuild: change.build,
      provider: change.team,
      kind: 'contract',
      name: contract,
      message:
        `${change.team} build ${change.build} was built against ${change.team}'s contract ${contract}, which ` +
        `the live ${change.team} service does not serve (it serves ${served.length ? served.join(', ') : 'none'}): ` +
        `first deploy the ${change.team} service that serves it`,
    });
  }
  return problems;
}

/** The problems as one message, for the 409's body; '' when there are none. */
export function gateMessage(problems: readonly GateProblem[]): string {
  if (problems.length === 0) return '';
  const count = problems.length === 1 ? 'one problem' : `${problems.length} problems`;
  return `Refused: ${count} with what is live. ${problems.map((p) => `${p.message}.`).join(' ')}`;
}

const KINDS = ['element', 'event'] as const;
type Kind = (typeof KINDS)[number];
const plural = { element: 'elements', event: 'events' } as const;

const listOf = (names: readonly string[] | undefined) => [...new Set(names ?? [])].sort();

function provides(surface: ReleaseSurface, kind: Kind, name: string) {
  return surface.provides?.[plural[kind]]?.includes(name) ?? false;
}

/**
 * Who owns an element or event, by its prefix: the event's before the ':', the element's the longest known team
 * name it starts with (a team may have a hyphen in its name), else the part before its first '-'.
 */
function ownerFinder(teams: readonly string[]) {
  const longestFirst = [...new Set(teams)].sort((a, b) => b.length - a.length);
  return (kind: Kind, name: string): string | undefined => {
    if (kind === 'event') return name.includes(':') ? name.slice(0, name.indexOf(':')) : undefined;
    return longestFirst.find((team) => name.startsWith(`${team}-`)) ?? name.split('-')[0];
  };
}

/** A problem of `consumer` missing what `provider` should provide, with what the deploying team can do. */
function missing(
  consumer: Release,
  provider: Release,
  kind: Kind,
  name: string,
  who: 'provider changes' | 'consumer changes',
): GateProblem {
  const uses = kind === 'element' ? `places <${name}>` : `listens to ${name}`;
  const lacks = kind === 'element' ? 'does not define' : 'does not dispatch';
  const remedy =
    who === 'provider changes'
      ? `keep it until the live ${consumer.team} build does without it`
      : `first deploy the ${provider.team} build that provides it`;
  return {
    consumer: consumer.team,
    consumerBuild: consumer.build,
    provider: provider.team,
    kind,
    name,
    message: `${consumer.team} build ${consumer.build} ${uses}, which ${provider.team} build ${provider.build} ${lacks} (${remedy})`,
  };
}
