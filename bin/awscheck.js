#!/usr/bin/env node
// The CLI runs the compiled JavaScript in dist/, which `npm ci` builds (the `prepare` script).
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// A scan is bound by AWS latency, not CPU: ask V8 to keep the heap small (a 4,000-user, 48,000-rule account
// peaks near 250 MB instead of 500 MB), as `npm start` does. Set before any module is loaded.
setFlagsFromString('--optimize-for-size');

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('awscheck is not built yet: run `npm run build` (npm ci does it for you).');
  process.exit(2);
}
const { main } = await import(entry.href);
await main();
