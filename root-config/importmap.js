// The platform's part of the import map: the served npm packages (from shared-dependencies.js, the list webpack
// externals come from too), their URLs and the modulepreload graph. Used at build time by webpack.config.js
// and by the standalone pages; the teams' entries are live (the gateway's import map service).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedPackages } from '../shared-dependencies.js';
import { teams } from '../shared/teams.js';

const repoRoot = path.join(import.meta.dirname, '..');

export const TEAMS = teams.map((t) => t.name);

export function packageDir(name) {
  for (const base of [import.meta.dirname, repoRoot]) {
    const dir = path.join(base, 'node_modules', name);
    if (existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`${name} is not installed: run npm ci`);
}

const versionOf = (name) =>
  JSON.parse(readFileSync(path.join(packageDir(name), 'package.json'), 'utf8')).version;

/** Versioned URL folder of a served package: its files never change, so they are cached for good. */
export const packageUrl = (name) => `/shared/npm/${name}@${versionOf(name)}/`;

/** The shell's own scripts (not modules, not in the map): the injector and, for developers, the overrides. */
export const shellScripts = {
  injector: { name: '@single-spa/import-map-injector', file: 'lib/import-map-injector.js' },
  overrides: { name: 'import-map-overrides', file: 'dist/import-map-overrides.js' },
};
export const shellScriptUrl = (key) => packageUrl(shellScripts[key].name) + shellScripts[key].file;

export function sharedPackageImports() {
  const imports = {};
  for (const p of sharedPackages) {
    imports[p.specifier ?? p.name] = packageUrl(p.name) + p.entry;
    if (p.subpaths) imports[`${p.name}/`] = packageUrl(p.name);
  }
  return imports;
}

/** copy-webpack-plugin patterns: the served packages' run-time files, nothing else. */
export function sharedPackageCopies() {
  // Already minified by their authors: webpack must not minify them again.
  const info = { minimized: true };
  const patterns = sharedPackages.map((p) => {
    const dir = packageDir(p.name);
    return {
      from: p.subpaths ? dir : path.join(dir, p.entry),
      to: `.${packageUrl(p.name)}${p.subpaths ? '' : p.entry}`,
      info,
      // Production builds only: no development/ or node/ builds, no types, maps or docs.
      filter: (file) => {
        const folders = path.relative(dir, file).split(path.sep).slice(0, -1);
        return file.endsWith('.js') && !folders.includes('development') && !folders.includes('node');
      },
    };
  });
  for (const key of Object.keys(shellScripts)) {
    const { name, file } = shellScripts[key];
    patterns.push({ from: path.join(packageDir(name), file), to: `.${packageUrl(name)}${file}`, info });
  }
  return patterns;
}

/** The static import graph of the given specifiers (bare or sub-paths) inside the served packages, as URLs to
 *  modulepreload. */
export function preloadGraph(specifiers, imports) {
  const fileOf = (url) => {
    const p = sharedPackages.find((pkg) => url.startsWith(packageUrl(pkg.name)));
    return p && path.join(packageDir(p.name), url.slice(packageUrl(p.name).length));
  };
  const resolve = (specifier, parentUrl) => {
    if (specifier.startsWith('.')) return new URL(specifier, `http://x${parentUrl}`).pathname;
    if (imports[specifier]) return imports[specifier];
    const prefix = Object.keys(imports)
      .filter((k) => k.endsWith('/') && specifier.startsWith(k))
      .sort((a, b) => b.length - a.length)[0];
    return prefix && imports[prefix] + specifier.slice(prefix.length);
  };
  const seen = new Set();
  const visit = (url) => {
    if (!url || seen.has(url)) return;
    const file = fileOf(url);
    if (!file || !existsSync(file)) return;
    seen.add(url);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+)["']/g)) visit(resolve(m[1], url));
  };
  for (const specifier of specifiers) visit(resolve(specifier, '/'));
  return [...seen];
}
