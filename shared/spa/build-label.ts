// The label of this team's build (TRACTOR_BUILD_LABEL at build time, e.g. "canary"), compiled into each team's
// production bundle by the shared webpack factory; '' for an unlabelled build, in development and in Node.
declare const __TRACTOR_BUILD_LABEL__: string | undefined;

export const buildLabel: string = typeof __TRACTOR_BUILD_LABEL__ === 'string' ? __TRACTOR_BUILD_LABEL__ : '';
