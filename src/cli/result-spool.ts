// `awscheck scan --format json` without holding every account's results: each account's part (already
// sorted by the engine) is spooled to a temporary file as it finishes. The awscheck.scan/v1 document can only
// be written at the end (finishedAt and regions come before the results), so it is written then, byte for
// byte what JSON.stringify(report, null, 2) gives, its results merged from the spooled runs in the engine's
// order. Memory: one account's results while scanning, one result per account while writing.
import { once } from 'node:events';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { compareResults } from '../engine/sort.ts';
import type { CheckResult, ScanReport } from '../engine/types.ts';

/** A result as awscheck.scan/v1 has it: evidence worded in the scan's locale, without the language-neutral message. */
export function documentResult({ message: _message, ...result }: CheckResult): CheckResult {
  return result;
}

/** Where a result goes in the document: one array element, indented as JSON.stringify(report, null, 2) does. */
function element(result: CheckResult): string {
  return `    ${JSON.stringify(result, null, 2).replace(/\n/g, '\n    ')}`;
}

export class ResultSpool {
  private readonly dir = mkdtempSync(join(tmpdir(), 'awscheck-scan-'));
  private readonly runs: string[] = [];

  /** One account's results, sorted (ScanOptions.onAccount's part.results). */
  add(results: readonly CheckResult[]): void {
    if (results.length === 0) return;
    const path = join(this.dir, `${this.runs.length}.jsonl`);
    writeFileSync(path, `${results.map((r) => JSON.stringify(documentResult(r))).join('\n')}\n`);
    this.runs.push(path);
  }

  /** Writes the document of `report` (whose results are the spooled ones) to `out`. */
  async writeDocument(report: ScanReport, out: NodeJS.WritableStream): Promise<void> {
    const text = `${JSON.stringify({ ...report, results: [] }, null, 2)}\n`;
    // A newline inside a JSON string is written as \n, so this can only be the top-level key.
    const key = '\n  "results": []';
    const at = text.indexOf(key);
    if (this.runs.length === 0 || at < 0) return write(out, text);
    await write(out, `${text.slice(0, at)}\n  "results": [\n`);
    let first = true;
    for await (const result of this.merged()) {
      await write(out, `${first ? '' : ',\n'}${element(result)}`);
      first = false;
    }
    await write(out, `\n  ]${text.slice(at + key.length)}`);
  }

  /** The runs merged into one sorted sequence; ties keep run order, as the engine's stable sort does. */
  private async *merged(): AsyncGenerator<CheckResult> {
    const readers = this.runs.map((path) => createInterface({ input: createReadStream(path), crlfDelay: Infinity })[Symbol.asyncIterator]());
    const heads: (CheckResult | undefined)[] = [];
    const next = async (i: number) => {
      const line = await readers[i]!.next();
      heads[i] = line.done ? undefined : (JSON.parse(line.value) as CheckResult);
    };
    await Promise.all(readers.map((_, i) => next(i)));
    for (;;) {
      let best = -1;
      heads.forEach((head, i) => {
        if (head && (best < 0 || compareResults(head, heads[best]!) < 0)) best = i;
      });
      if (best < 0) return;
      yield heads[best]!;
      await next(best);
    }
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
