// Headers the store's answers carry, whoever answers: the services, the gateway and nginx. Every answer is
// `nosniff` (a script or JSON is only ever what its type says); a page also carries the rest. Nothing more on
// files and JSON: those headers would be paid on every one of a page's two dozen module requests.
export const NOSNIFF: Readonly<Record<string, string>> = { 'x-content-type-options': 'nosniff' };

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...NOSNIFF,
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};
