// The label of this team's build (TRACTOR_BUILD_LABEL at build time, e.g. "canary"), compiled into each team's
// production bundle by the shared webpack factory; '' for an unlabelled build, in development and in Node.
declare const __TRACTOR_BUILD_LABEL__: string | undefined;

export const buildLabel: string = typeof __TRACTOR_BUILD_LABEL__ === 'string' ? __TRACTOR_BUILD_LABEL__ : '';

// A fault a test planted in this build (TRACTOR_TEST_FAULT at build time; only e2e builds set it, through
// scripts/stack.ts's labelledBuild): "slow-click" makes every click on the team's elements take 300 ms,
// "throw" makes its page throw once mounted, from its own code and from inside Lit. '' in every other build,
// where the minifier drops the planted code (e2e/tests/field-signals.spec.ts checks the live bundles).
declare const __TRACTOR_TEST_FAULT__: string | undefined;

export const testFault: string = typeof __TRACTOR_TEST_FAULT__ === 'string' ? __TRACTOR_TEST_FAULT__ : '';
