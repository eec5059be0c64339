#!/usr/bin/env node
// The CLI runs the compiled JavaScript in dist/, which `npm ci` builds (the `prepare` script).
import { existsSync } from 'node:fs';

// No `--optimize-for-size` here, unlike `npm start`: one CLI process runs one scan, and an organization's scan
// is bound by CPU (the flag costs ~1.8× in garbage collection; bench/README.md), not by memory. The bot keeps
// the flag because it is long-lived and holds several users' scans at once.

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('awscheck is not built yet: run `npm run build` (npm ci does it for you).');
  process.exit(2);
}
const { main } = await import(entry.href);
await main();
