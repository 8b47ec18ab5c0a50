// deploy/ on paper, checked: what the generator makes (from the registry), each team's full set, images that
// match their Dockerfiles, probes and ports that match the services, and no secret written into any file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { teams } from '../../shared/teams.js';
import { DEPLOY_DIR, imageOf, manifests, units } from './manifests.js';

const read = (file: string) => readFileSync(path.join(DEPLOY_DIR, file), 'utf8');
const documents = (file: string) =>
  parseAllDocuments(read(file)).map((d) => d.toJS() as Record<string, unknown> & { kind?: string });

interface Container {
  image: string;
  ports: { containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  readinessProbe: { httpGet: { path: string; port: string } };
  livenessProbe: { httpGet: { path: string; port: string } };
}

test('deploy/ is exactly what the generator makes from the registry (npm run manifests)', () => {
  const expected = manifests();
  for (const [file, content] of Object.entries(expected)) assert.equal(read(file), content, file);
  const present = readdirSync(DEPLOY_DIR, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(DEPLOY_DIR, path.join(e.parentPath, e.name)))
    .sort();
  assert.deepEqual(present, Object.keys(expected).sort(), 'no file that the generator does not make');
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
      const target = units.find((u) => u.name === variable.name.slice(0, -4).toLowerCase());
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
      for (const document of documents(file)) {
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
    assert.match(line, /\$\{[A-Z_]+:\?/, `compose.yaml takes it from the environment: ${line.trim()}`);
  }
  assert.doesNotMatch(read('.env.example'), /=\S/, '.env.example holds names, not values');
});
