// Every package a workspace package imports at run time is one it declares: a user who installs
// @referral-kit/server (or the SDK, mocks, widgets) gets what its code loads, without the monorepo's root
// devDependencies (e.g. the server's bin runs under tsx, and the mocks, widgets and server import zod themselves).
// Code bundled at build time (the staff console) may use devDependencies instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const IMPORTED =
  /(?:^|\n)\s*(?:import|export)(?:\s+type)?[^'"\n;]*?\sfrom\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]|import\.meta\.resolve\(\s*['"]([^'"]+)['"]/g;

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const sourceFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|mts|mjs|js)$/.test(file))
      .map((file) => join(dir, file));
  } catch {
    return [];
  }
};

/** The bare packages the files import, each with the first file that imports it. */
const importedPackages = (files: string[]) => {
  const found = new Map<string, string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORTED)) {
      const specifier = (match[1] ?? match[2] ?? match[3])!;
      if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
      const name = packageOf(specifier);
      if (!builtinModules.includes(name) && !found.has(name)) found.set(name, file.slice(root.length));
    }
  }
  return found;
};

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

for (const pkg of ['sdk', 'mocks', 'widgets', 'server']) {
  const dir = join(root, 'packages', pkg);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
  const runtime = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ]);

  test(`@referral-kit/${pkg} declares every package its code loads at run time`, { timeout: 30_000 }, () => {
    const files = [...sourceFiles(join(dir, 'src')), ...sourceFiles(join(dir, 'bin'))];
    assert.ok(files.length > 0, `no sources found in ${dir}`);
    const undeclared = [...importedPackages(files)].filter(([name]) => !runtime.has(name));
    assert.deepEqual(
      undeclared.map(([name, file]) => `${name} (imported by ${file})`),
      [],
      'add these to dependencies',
    );
  });
}

test('the staff console, bundled at build time, declares what it imports', { timeout: 30_000 }, () => {
  const dir = join(root, 'packages/server');
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
  const declared = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.devDependencies ?? {}),
  ]);
  const imported = importedPackages(sourceFiles(join(dir, 'console')));
  assert.ok(imported.has('lit'), 'the console is expected to import lit');
  assert.deepEqual(
    [...imported].filter(([name]) => !declared.has(name)).map(([name, file]) => `${name} (imported by ${file})`),
    [],
  );
});
