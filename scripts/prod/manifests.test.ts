// deploy/ on paper, checked: what the generator makes (from the registry), each team's full set, images that
// match their Dockerfiles, probes and ports that match the services, no secret written into any file, monitoring
// that only this machine reaches, and the settings the store's security needs in production.
// (What goes into the images themselves: images.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { teams } from '../../shared/teams.js';
import { DEPLOY_DIR, imageOf, manifests, REPO_ROOT, units } from './manifests.js';

const read = (file: string) => readFileSync(path.join(DEPLOY_DIR, file), 'utf8');
/** The operator's own secrets for compose, which .env.example says to create beside it: not the generator's. */
const LOCAL_SECRETS = '.env';
const documents = (file: string) =>
  parseAllDocuments(read(file)).map((d) => d.toJS() as Record<string, unknown> & { kind?: string });

interface Container {
  image: string;
  ports: { containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  readinessProbe: { httpGet: { path: string; port: string } };
  livenessProbe: { httpGet: { path: string; port: string } };
}

test('deploy/ and .dockerignore are exactly what the generator makes from the registry (npm run manifests)', () => {
  const expected = manifests();
  for (const [file, content] of Object.entries(expected))
    assert.equal(readFileSync(path.join(REPO_ROOT, file), 'utf8'), content, file);
  assert.ok('.dockerignore' in expected, 'the build context is generated with the Dockerfiles');
  const present = readdirSync(DEPLOY_DIR, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name)))
    .filter((file) => file !== `deploy/${LOCAL_SECRETS}`)
    .sort();
  assert.deepEqual(
    present,
    Object.keys(expected)
      .filter((file) => file.startsWith('deploy/'))
      .sort(),
    'no file in deploy/ that the generator does not make',
  );
});

test('each team and the gateway have a Dockerfile and a Deployment, Service, autoscaler and disruption budget', () => {
  assert.deepEqual(units.map((u) => u.name).sort(), ['gateway', ...teams.map((t) => t.name)].sort());
  for (const unit of units) {
    assert.ok(existsSync(path.join(DEPLOY_DIR, unit.name, 'Dockerfile')), unit.name);
    const kinds = documents(`${unit.name}/kubernetes.yaml`).map((d) => d.kind);
    assert.deepEqual(
      kinds,
      ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget'],
      unit.name,
    );
  }
  const edge = documents('edge/kubernetes.yaml').map((d) => d.kind);
  assert.ok(edge.includes('Ingress') && edge.includes('Deployment'));
});

test('images match their Dockerfiles; probes, ports and addresses match the services', () => {
  const compose = documents('compose.yaml')[0] as {
    services: Record<string, { image?: string; build?: { dockerfile: string } }>;
  };
  for (const unit of units) {
    const dockerfile = read(`${unit.name}/Dockerfile`);
    assert.match(dockerfile, new RegExp(`EXPOSE ${unit.port}\\b`));
    assert.match(dockerfile, new RegExp(`CMD \\["node", "--import", "tsx", "${unit.entry}"\\]`));
    assert.ok(existsSync(path.join(DEPLOY_DIR, '..', unit.entry)), `${unit.entry} exists`);
    const [deployment, service] = documents(`${unit.name}/kubernetes.yaml`) as [
      { spec: { template: { spec: { containers: Container[] } } } },
      { spec: { ports: { port: number }[] } },
    ];
    const container = deployment.spec.template.spec.containers[0]!;
    assert.equal(container.image, `${imageOf(unit.name)}:latest`);
    assert.equal(compose.services[unit.name]?.image, `${imageOf(unit.name)}:latest`);
    assert.equal(compose.services[unit.name]?.build?.dockerfile, `deploy/${unit.name}/Dockerfile`);
    assert.equal(container.ports[0]?.containerPort, unit.port);
    assert.equal(service.spec.ports[0]?.port, unit.port);
    assert.equal(container.readinessProbe.httpGet.path, '/health/ready');
    assert.equal(container.livenessProbe.httpGet.path, '/health/live');
    // Every address another unit is given is a unit's name and its port.
    for (const variable of container.env ?? []) {
      if (!variable.name.endsWith('_URL') || variable.name === 'DATABASE_URL') continue;
      // ASSETS_URL: the asset store, which the gateway serves.
      const name = variable.name === 'ASSETS_URL' ? 'gateway' : variable.name.slice(0, -4).toLowerCase();
      const target = units.find((u) => u.name === name);
      assert.equal(variable.value, `http://${target?.name}:${target?.port}`, `${unit.name} ${variable.name}`);
    }
  }
  // The edge proxies to each unit at the same address.
  const nginx = read('edge/nginx.conf');
  for (const unit of units)
    assert.match(nginx, new RegExp(`upstream ${unit.name} \\{\\s+server ${unit.name}:${unit.port}`));
});

test('no secret is written into any file: passwords and tokens come from secrets or the environment', () => {
  for (const [file, content] of Object.entries(manifests())) {
    assert.doesNotMatch(
      content,
      /postgres(ql)?:\/\/[^\s$'"]*:[^\s$'"@]+@/i,
      `${file}: a database URL with a password`,
    );
    assert.doesNotMatch(content, /BEGIN [A-Z ]*PRIVATE KEY/, `${file}: a private key`);
    if (file.endsWith('kubernetes.yaml')) {
      for (const document of documents(path.relative('deploy', file))) {
        const containers =
          (document as { spec?: { template?: { spec?: { containers?: Container[] } } } }).spec?.template?.spec
            ?.containers ?? [];
        for (const variable of containers.flatMap((c) => c.env ?? [])) {
          if (/DATABASE_URL|TOKEN|PASSWORD|SECRET/.test(variable.name)) {
            assert.ok(
              variable.valueFrom && variable.value === undefined,
              `${file}: ${variable.name} is not from a secret`,
            );
          }
        }
      }
    }
  }
  const compose = read('compose.yaml');
  for (const line of compose.split('\n').filter((l) => /PASSWORD|TOKENS|DATABASE_URL/.test(l))) {
    // From the environment (deploy/.env), directly or through a compose secret, a file under /run/secrets.
    assert.match(
      line,
      /\$\{[A-Z_]+:\?|: \/run\/secrets\/[a-z_]+$|^\s+environment: [A-Z_]+$/,
      `compose.yaml takes it from the environment: ${line.trim()}`,
    );
  }
  assert.doesNotMatch(read('.env.example'), /=\S/, '.env.example holds names, not values');
});

interface ComposeService {
  ports?: string[];
  environment?: Record<string, string>;
  secrets?: string[];
}
const composeFile = () =>
  documents('compose.yaml')[0] as {
    services: Record<string, ComposeService>;
    secrets?: Record<string, { environment?: string; file?: string }>;
  };

test('monitoring answers on this machine only, and Grafana lets in no one without the password from a secret', () => {
  const { services, secrets } = composeFile();
  assert.deepEqual(services.prometheus?.ports, ['127.0.0.1:9090:9090'], 'Prometheus has no login');
  assert.deepEqual(services.grafana?.ports, ['127.0.0.1:3030:3000']);
  for (const [name, service] of Object.entries(services)) {
    if (name === 'edge') continue; // the store's one public door
    for (const port of service.ports ?? []) assert.match(port, /^127\.0\.0\.1:/, `${name} publishes ${port}`);
  }
  const grafana = services.grafana?.environment ?? {};
  assert.equal(grafana.GF_AUTH_ANONYMOUS_ENABLED, 'false');
  assert.equal(grafana.GF_USERS_ALLOW_SIGN_UP, 'false');
  assert.equal(grafana.GF_SECURITY_ADMIN_PASSWORD, undefined, 'no password written into compose.yaml');
  const secret = grafana.GF_SECURITY_ADMIN_PASSWORD__FILE?.match(/^\/run\/secrets\/(.+)$/)?.[1];
  assert.ok(secret && services.grafana?.secrets?.includes(secret), 'the admin password is a compose secret');
  const source = secrets?.[secret]?.environment;
  assert.ok(source, 'the secret comes from the environment (deploy/.env)');
  assert.match(read('.env.example'), new RegExp(`^${source}=$`, 'm'), `.env.example names ${source}`);
});

test('Checkout sends its cart cookie over HTTPS only, in compose and in Kubernetes', () => {
  assert.equal(composeFile().services.checkout?.environment?.COOKIE_SECURE, 'true');
  const [deployment] = documents('checkout/kubernetes.yaml') as [
    { spec: { template: { spec: { containers: Container[] } } } },
  ];
  const env = deployment.spec.template.spec.containers[0]?.env ?? [];
  assert.deepEqual(
    env.find((v) => v.name === 'COOKIE_SECURE'),
    { name: 'COOKIE_SECURE', value: 'true' },
  );
});

test('the public edge takes no uploads: the Ingress limits request bodies to 64k', () => {
  const ingress = documents('edge/kubernetes.yaml').find((d) => d.kind === 'Ingress') as {
    metadata: { annotations: Record<string, string> };
  };
  assert.equal(ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size'], '64k');
});

test('the gateway, not root, owns the asset store’s folder: a new volume there is writable by the process', () => {
  const gateway = read('gateway/Dockerfile');
  const runtime = gateway.slice(gateway.lastIndexOf('\nFROM '));
  assert.match(runtime, /RUN mkdir \/assets && chown node:node \/assets\nUSER node/);
});

test("the dashboard has a row of field signals per team and the platform's, from the registry, each by build", () => {
  const dashboard = JSON.parse(read('monitoring/grafana-dashboard.json')) as {
    panels: { type: string; title: string; targets?: { expr: string; legendFormat: string }[] }[];
  };
  const rows = dashboard.panels.filter((p) => p.type === 'row').map((p) => p.title);
  assert.deepEqual(
    rows,
    [...teams.map((t) => t.name), 'platform'].map((o) => `${o}: field signals by build`),
  );
  for (const owner of [...teams.map((t) => t.name), 'platform']) {
    const row = dashboard.panels.findIndex((p) => p.title === `${owner}: field signals by build`);
    const panels = dashboard.panels.slice(row + 1, row + 7);
    assert.deepEqual(
      panels.map((p) => p.title),
      [
        'p75 LCP (page loads)',
        'p75 INP',
        'p75 CLS',
        'Errors per 1 000 page views',
        'Page views per second',
        'Long animation frames per second',
      ],
    );
    for (const p of panels) {
      assert.match(p.targets![0]!.expr, new RegExp(`team="${owner}"`), `${owner}: ${p.title}`);
      assert.match(p.targets![0]!.expr, /by \(build/, `${owner}: ${p.title}`);
    }
  }
  // The gateway replicas are scraped like the services: the dashboard sums them.
  assert.ok(units.some((u) => u.name === 'gateway'));
});

test("the public edge takes field-signal beacons (16 KB, limited per client) and never shows the gateways' metrics", () => {
  const conf = read('edge/nginx.conf');
  const publicServer = conf.slice(0, conf.indexOf('# Inside:'));
  assert.match(publicServer, /location = \/rum \{\n\s+client_max_body_size 16k;\n\s+limit_req zone=beacons/);
  assert.match(publicServer, /location = \/metrics \{\n\s+return 404;/);
  const gateway = documents('gateway/kubernetes.yaml').find((d) => d.kind === 'Deployment') as {
    spec: { template: { spec: { containers: Container[] } } };
  };
  const env = gateway.spec.template.spec.containers[0]!.env ?? [];
  // Behind the edge every shopper has the edge's address: the gateway's own limit must not lump them together.
  assert.equal(Number(env.find((e) => e.name === 'RUM_BEACONS_PER_MINUTE')?.value) >= 1_000_000, true);
});
