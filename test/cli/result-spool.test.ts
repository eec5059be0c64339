// The JSON document written from spooled account parts must be byte for byte the one written from the
// whole report in memory: same keys, same order, results merged into the engine's order across accounts.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ResultSpool } from '../../src/cli/result-spool.ts';
import { compareResults } from '../../src/engine/sort.ts';
import type { CheckResult } from '../../src/engine/types.ts';
import { manyResults, result, scanReport } from '../report/fixtures.ts';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];

function accountResults(accountId: string, i: number): CheckResult[] {
  return [
    ...manyResults(400 + i * 50).map((r) => ({ ...r, accountId })),
    result({ accountId, status: 'ERROR', region: 'global', resourceId: accountId, evidence: 'Could not be evaluated: "AccessDenied"\nline two' }),
    result({ accountId, status: 'MUTED', muted: { reason: 'bastion', expiresAt: '2026-12-01T00:00:00.000Z', acceptedBy: 'U1' } }),
  ].sort(compareResults);
}

async function written(spool: ResultSpool, report: Parameters<ResultSpool['writeDocument']>[0]): Promise<string> {
  const out = new Capture();
  await spool.writeDocument(report, out);
  return out.text;
}

describe('ResultSpool', () => {
  it('writes what JSON.stringify(report, null, 2) writes, from parts that finished in any order', async () => {
    const parts = ACCOUNTS.map(accountResults);
    const whole = scanReport(parts.flat().sort(compareResults), {
      accounts: ACCOUNTS.map((accountId) => ({ accountId, name: `name "${accountId}"` })),
      errors: [{ accountId: ACCOUNTS[0], reason: 'boom' }],
      notes: [{ message: 'note' }],
      selection: { services: ['ec2'] },
    });
    const spool = new ResultSpool();
    try {
      // Accounts finish out of order; the document's results are still in the engine's order.
      for (const i of [2, 0, 1]) spool.add(parts[i]!);
      spool.add([]);
      expect(await written(spool, { ...whole, results: [] })).toBe(`${JSON.stringify(whole, null, 2)}\n`);
    } finally {
      spool.dispose();
    }
  });

  it('writes an empty results list as [] when no account had results', async () => {
    const report = scanReport([]);
    const spool = new ResultSpool();
    try {
      expect(await written(spool, report)).toBe(`${JSON.stringify(report, null, 2)}\n`);
    } finally {
      spool.dispose();
    }
  });
});
