// `npm start`'s prestart in the container image: production dependencies may include TypeScript (an optional
// peer that npm installs), but without the sources nothing is compiled and the shipped dist/ runs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '../../scripts/build-if-dev.js');
let dir: string;

function image(options: { dist: boolean }): string {
  dir = mkdtempSync(join(tmpdir(), 'awscheck-image-'));
  mkdirSync(join(dir, 'scripts'));
  cpSync(script, join(dir, 'scripts/build-if-dev.js'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  // A TypeScript the script would find, as the image's node_modules has one through i18next's peer.
  mkdirSync(join(dir, 'node_modules/typescript/bin'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/typescript/package.json'), '{"name":"typescript"}');
  writeFileSync(join(dir, 'node_modules/typescript/bin/tsc'), "require('node:fs').writeFileSync('compiled', 'yes'); process.exit(1);");
  if (options.dist) {
    mkdirSync(join(dir, 'dist/src'), { recursive: true });
    writeFileSync(join(dir, 'dist/src/main.js'), '');
  }
  return dir;
}

function prestart(root: string) {
  return spawnSync(process.execPath, [join(root, 'scripts/build-if-dev.js')], { cwd: root, encoding: 'utf8' });
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/build-if-dev.js', () => {
  it('runs the shipped dist/ without compiling when the sources are not there, even with TypeScript installed', () => {
    const root = image({ dist: true });
    const run = prestart(root);
    expect(run.status).toBe(0);
    expect(existsSync(join(root, 'compiled'))).toBe(false);
  });

  it('says how to build when there is neither dist/ nor the sources', () => {
    const run = prestart(image({ dist: false }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('run `npm ci` (with dev dependencies) to build dist/');
  });

  it('compiles in a development checkout (tsconfig.build.json present)', () => {
    const root = image({ dist: true });
    writeFileSync(join(root, 'tsconfig.build.json'), '{}');
    const run = prestart(root);
    // The stand-in compiler records that it ran, then fails: the script passes its status on.
    expect(run.status).toBe(1);
    expect(existsSync(join(root, 'compiled'))).toBe(true);
  });
});
