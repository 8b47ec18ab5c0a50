// The major version of each team's API contract (shared/contracts/<team>). A change to a contract that an
// older caller cannot follow bumps it. The team's service serves this version (its OpenAPI document's
// info.version); each build of its micro-frontend records the version it was compiled against (its manifest's
// provides.contract), and the import map service refuses a build whose version the live service does not serve.
// Plain JavaScript: the webpack build reads it too.

/** @type {Readonly<Record<string, string>>} */
export const CONTRACT_VERSIONS = { explore: '1', decide: '1', checkout: '1', inspire: '1' };
