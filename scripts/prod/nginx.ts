// The edge's nginx configuration, generated from the team registry (never written by hand per team):
//  - one HTTPS origin with HTTP/2 (a self-signed certificate locally);
//  - the root config's files (/shared/, /cdn/) and the asset store (/assets/) served by nginx itself, from
//    their pre-compressed copies (brotli when Debian's module is there, gzip), immutable ones cached for a year;
//  - every page and the live import map proxied to the gateway's replicas; the deploy API (anything but GET
//    under /importmap/) only on the internal listener: the public edge refuses it with a 403;
//  - HSTS on every answer of the public server: a browser that saw the store once never asks it over HTTP;
//  - /<team>/api/ proxied to that team's replicas, with passive health checks (max_fails) and retries of
//    idempotent requests on the next replica;
//  - nginx's own errors (502, 504, 413, …) answered as the services' JSON error, never an HTML page;
//  - POST /rum (the pages' field-signal beacons) to the gateway, 16 KB at most and limited per client; the
//    gateways' /metrics never on the public edge (Prometheus scrapes each replica inside);
//  - an internal plain-HTTP listener on 127.0.0.1 for service-to-service calls (Checkout → Explore) and the
//    gateway's render requests, balanced over the same upstreams.
import { STATUS_CODES } from 'node:http';
import { teams } from '../../shared/teams.js';
import { NOSNIFF } from '@tractor/chassis/security';
import { checkoutRoutes } from '@tractor/shared/contracts/checkout';
import { RUM_MAX_BYTES } from '@tractor/shared/contracts/rum';
import {
  BEACON_LIMIT,
  CHECKOUT_WRITE_LIMITS,
  type CheckoutWriteLimits,
  type WriteLimit,
} from '../../platform/gateway/rate-limits.js';

export interface EdgeOptions {
  /** The public HTTPS port. */
  readonly port: number;
  /** The internal plain-HTTP port (127.0.0.1 only). */
  readonly internalPort: number;
  /** Where nginx keeps its pid, logs and temporary files. */
  readonly runDir: string;
  /** TLS for the public port; none: plain HTTP (behind a TLS-terminating ingress, in a container). */
  readonly certificate?: { readonly cert: string; readonly key: string } | undefined;
  /** Container: logs to stdout/stderr, the pid in /tmp. */
  readonly container?: boolean;
  /** The root config's build (shared/, cdn/). */
  readonly distDir: string;
  /** The asset store's folder. */
  readonly assetDir: string;
  /** Upstream name → its replicas' origins (host:port): "gateway" and each team. */
  readonly upstreams: Readonly<Record<string, readonly string[]>>;
  /** Paths of Debian's brotli modules, when installed. */
  readonly brotliModules?: readonly string[];
  /**
   * How many orders and cart writes one client address may send to Checkout's API (default: the gateway's,
   * platform/gateway/rate-limits.ts), and addresses never limited (a load generator of the store's own).
   */
  readonly writeLimits?: CheckoutWriteLimits;
  readonly unlimited?: readonly string[];
  /** Field-signal beacons one client address may send (default: the gateway's, BEACON_LIMIT). */
  readonly beaconLimit?: WriteLimit;
  /** Timeouts for upstream answers, seconds. */
  readonly upstreamTimeout?: number;
  /**
   * The user nginx's workers run as. Started as root, nginx would otherwise drop to `nobody`, which cannot read
   * a checkout in a private folder (mktemp's 0700): `npm run start:prod` passes the user it runs as.
   */
  readonly user?: string;
}

/** The JSON body of an error nginx answers itself, in the services' error shape. */
export const edgeError = (status: number, message: string) =>
  JSON.stringify({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message });

const EDGE_ERRORS: readonly [number, string][] = [
  [400, 'The request could not be read.'],
  [403, 'Not here: the deploy API is served on the internal network only.'],
  [404, 'Nothing here.'],
  [413, 'The request body is too large.'],
  [429, 'Too many requests from your address: please try again shortly.'],
  [502, 'The service is not reachable right now.'],
  [503, 'The service is not available right now.'],
  [504, 'The service did not answer in time.'],
];

const indent = (text: string, by = 2) =>
  text
    .split('\n')
    .map((line) => (line ? ' '.repeat(by) + line : line))
    .join('\n');

/** Browsers that saw the store over HTTPS keep to HTTPS for a year (behind an ingress, it passes this on). */
const HSTS = { 'strict-transport-security': 'max-age=31536000; includeSubDomains' };

export function nginxConfig(options: EdgeOptions): string {
  const timeout = options.upstreamTimeout ?? 10;
  // A location's add_header replaces the server's: every location that adds headers repeats these.
  const headers = (always = true) =>
    Object.entries({ ...NOSNIFF, ...HSTS })
      .map(([name, value]) => `add_header ${name} "${value}"${always ? ' always' : ''};`)
      .join('\n');
  const errorPages = EDGE_ERRORS.map(([status]) => `error_page ${status} = @error${status};`).join('\n');
  const errorLocations = EDGE_ERRORS.map(
    ([status, message]) => `location @error${status} {
  default_type application/json;
  add_header cache-control "no-store" always;${status === 429 ? '\n  add_header retry-after $checkout_retry_after always;' : ''}
  ${headers().split('\n').join('\n  ')}
  return ${status} '${edgeError(status, message)}';
}`,
  ).join('\n');
  const upstreams = Object.entries(options.upstreams)
    .map(
      ([name, servers]) => `upstream ${name} {
${servers.map((s) => `  server ${s} max_fails=1 fail_timeout=5s;`).join('\n')}
  keepalive 16;
}`,
    )
    .join('\n');
  const proxy = (upstream: string) => `proxy_pass http://${upstream};
proxy_http_version 1.1;
proxy_set_header connection "";
proxy_set_header host $host;
proxy_set_header x-forwarded-for $proxy_add_x_forwarded_for;
proxy_set_header x-forwarded-proto $scheme;
proxy_connect_timeout 2s;
proxy_read_timeout ${timeout}s;
proxy_send_timeout ${timeout}s;
# A replica that refuses or fails gets the request's next try (idempotent requests only: nginx never resends
# a POST unless told to). A stopped replica is skipped for fail_timeout after one failure.
proxy_next_upstream error timeout http_502 http_503;
proxy_next_upstream_tries 2;
proxy_buffering on;`;
  const limits = options.writeLimits ?? CHECKOUT_WRITE_LIMITS;
  const beacons = options.beaconLimit ?? BEACON_LIMIT;
  const teamApis = teams
    .map(
      (t) => `location /${t.name}/api/ {
  client_max_body_size 64k;
${t.name === 'checkout' ? '  limit_req zone=checkout_orders burst=' + (limits.orders.max - 1) + ' nodelay;\n  limit_req zone=checkout_cart_writes burst=' + (limits.cartWrites.max - 1) + ' nodelay;\n' : ''}${indent(proxy(t.name))}
}`,
    )
    .join('\n');
  const internalTeams = teams
    .map(
      (t) => `location /${t.name}/ {
${indent(proxy(t.name))}
}`,
    )
    .join('\n');
  const staticFiles = (prefix: string, root: string, immutable: string) => `location ${prefix} {
  alias ${root};
  gzip_static on;
${options.brotliModules?.length ? '  brotli_static on;\n' : ''}  # Hashed names and versioned folders never change; the rest is revalidated.
  set $cache "no-cache";
  if ($uri ~ "${immutable}") { set $cache "public, max-age=31536000, immutable"; }
  add_header cache-control $cache always;
  add_header access-control-allow-origin "*" always;
  ${headers().split('\n').join('\n  ')}
}`;
  return `# Generated by scripts/prod/nginx.ts from the team registry — do not edit by hand.
${(options.brotliModules ?? []).map((m) => `load_module ${m};`).join('\n')}
${options.user ? `user ${options.user};\n` : ''}worker_processes 2;
pid ${options.runDir}/nginx.pid;
error_log ${options.container ? '/dev/stderr' : `${options.runDir}/error.log`} warn;
daemon off;

events {
  worker_connections 1024;
}

http {
  include /etc/nginx/mime.types;
  types { application/javascript mjs; }
  default_type application/octet-stream;
  access_log ${options.container ? '/dev/stdout' : `${options.runDir}/access.log`};
  client_body_temp_path ${options.runDir}/client_body;
  proxy_temp_path ${options.runDir}/proxy;
  fastcgi_temp_path ${options.runDir}/fastcgi;
  uwsgi_temp_path ${options.runDir}/uwsgi;
  scgi_temp_path ${options.runDir}/scgi;
  server_tokens off;
  sendfile on;
  keepalive_timeout 65;
  gzip on;
  gzip_types application/json application/javascript text/css image/svg+xml application/importmap+json;
${options.brotliModules?.some((m) => m.includes('brotli_filter')) ? '  brotli_types application/json application/javascript text/css image/svg+xml;\n' : ''}
${indent(upstreams)}

${indent(writeLimitZones(limits, options.unlimited ?? []))}
  # Field-signal beacons, per client address (platform/gateway/rate-limits.ts: the same limit for npm start).
  map $write_limit_exempt $beacon_writer { 1 ""; default $binary_remote_addr; }
  limit_req_zone $beacon_writer zone=beacons:10m rate=${perMinute(beacons)}r/m;

  # The store, for shoppers: HTTPS and HTTP/2 (or plain HTTP behind an ingress that terminates TLS).
  server {
${
  options.certificate
    ? `    listen ${options.port} ssl http2;
    server_name localhost;
    ssl_certificate ${options.certificate.cert};
    ssl_certificate_key ${options.certificate.key};
    ssl_protocols TLSv1.2 TLSv1.3;`
    : `    listen ${options.port};`
}
    client_max_body_size 64k;
    add_header strict-transport-security "${HSTS['strict-transport-security']}" always;
${indent(errorPages, 4)}

${indent(staticFiles('/shared/', `${options.distDir}/shared/`, String.raw`\.[0-9a-f]{8}\.js$|^/shared/npm/`), 4)}
${indent(staticFiles('/cdn/', `${options.distDir}/cdn/`, '^$'), 4)}
${indent(staticFiles('/assets/', `${options.assetDir}/`, '.'), 4)}

${indent(teamApis, 4)}

    # The import map service answers reads here; its changes (deploys, rollbacks, publishing files) are made on
    # the internal listener only.
    location /importmap/ {
      limit_except GET {
        deny all;
      }
${indent(proxy('gateway'), 6)}
    }
    # The pages' field signals: one beacon a page view, at most ${RUM_MAX_BYTES / 1024} KB.
    location = /rum {
      client_max_body_size ${RUM_MAX_BYTES / 1024}k;
      limit_req zone=beacons burst=${beacons.max - 1} nodelay;
${indent(proxy('gateway'), 6)}
    }
    # The gateways' metrics are Prometheus's, which scrapes each replica inside.
    location = /metrics {
      return 404;
    }
    # Every page and the live import map: the gateway's replicas.
    location / {
${indent(proxy('gateway'), 6)}
    }

${indent(errorLocations, 4)}
  }

  # Inside: service-to-service calls and the gateway's render requests, balanced over the same replicas.
  server {
    listen 127.0.0.1:${options.internalPort};
${indent(errorPages, 4)}
${indent(internalTeams, 4)}
    # The teams' published builds: each service loads its own team's server renderers from here.
${indent(staticFiles('/assets/', `${options.assetDir}/`, '.'), 4)}
    # The deploy API: a team's CI publishes its files (each at most 10 MB, streamed by the gateway) and switches
    # its entries here.
    location /importmap/ {
      client_max_body_size 10m;
      proxy_request_buffering off;
${indent(proxy('gateway'), 6)}
    }
    location / {
      return 404;
    }
${indent(errorLocations, 4)}
  }
}
`;
}

/** Requests a minute that let `limit.max` through in every `limit.windowMs`. */
const perMinute = (limit: WriteLimit) => Math.max(1, Math.round((limit.max * 60_000) / limit.windowMs));

/**
 * The edge's limits on Checkout's writes, per client address — the gateway's for \`npm start\`, in nginx's terms
 * (rate-limits.ts says why these numbers). A request with an empty key is not counted: reads, other paths, and
 * the addresses never limited. $uri is normalized (decoded, dot segments resolved) and every write that is not a
 * cart write counts as an order: another spelling of a path gets the stricter limit, never none.
 */
function writeLimitZones(limits: CheckoutWriteLimits, unlimited: readonly string[]): string {
  const cart = checkoutRoutes.cart.path;
  const retryAfter = (limit: WriteLimit) => Math.ceil(limit.windowMs / 1000 / limit.max);
  return `# Checkout's writes, per client address (platform/gateway/rate-limits.ts: the same limits for npm start).
geo $write_limit_exempt {
  default 0;
${unlimited.map((address) => `  ${address} 1;`).join('\n')}
}
map "$write_limit_exempt:$request_method" $checkout_writer {
  ~^1: "";
  ~^0:(GET|HEAD|OPTIONS)$ "";
  default $binary_remote_addr;
}
map $uri $checkout_cart_writer { ~^${cart}(/|$) $checkout_writer; default ""; }
map $uri $checkout_order_writer { ~^${cart}(/|$) ""; default $checkout_writer; }
map $uri $checkout_retry_after { ~^${cart}(/|$) ${retryAfter(limits.cartWrites)}; default ${retryAfter(limits.orders)}; }
limit_req_zone $checkout_order_writer zone=checkout_orders:10m rate=${perMinute(limits.orders)}r/m;
limit_req_zone $checkout_cart_writer zone=checkout_cart_writes:10m rate=${perMinute(limits.cartWrites)}r/m;
limit_req_status 429;`;
}
