// Types for versions.js (plain JavaScript, because the webpack build reads it too).
export declare const CONTRACT_VERSIONS: Readonly<Record<string, string>>;
