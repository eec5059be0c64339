// `npm start` and `npm ci` (prestart, prepare) compile dist/ in a development checkout: the sources are
// there and so is TypeScript. A production install (`npm ci --omit=dev`, the container image) runs the dist/
// it was shipped with. The sources decide, not the compiler: a dependency may pull TypeScript in as a peer
// (i18next does), and the image has no sources to compile.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { URL } from 'node:url';

const root = new URL('..', import.meta.url);

function compiler() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

const tsc = existsSync(new URL('tsconfig.build.json', root)) ? compiler() : undefined;
if (tsc) {
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  process.exit(build.status ?? 1);
}
if (!existsSync(new URL('dist/src/main.js', root))) {
  process.stderr.write('awscheck is not built and TypeScript is not installed: run `npm ci` (with dev dependencies) to build dist/.\n');
  process.exit(1);
}
