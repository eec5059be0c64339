// The failing findings behind a results message (or an App Home account), kept so "Show all" can page
// through them. Saved before the message is rendered; the buttons carry only the set's random id and a
// check id. A value names a list to show; whether the clicker may see it is decided from body.user.id.
import { randomBytes } from 'node:crypto';
import type { CheckResult, ScanAccount } from '../../engine/types.ts';
import { DAY_MS } from '../../time/units.ts';

export interface ResultSet {
  accounts: ScanAccount[];
  /** FAIL results only. */
  failing: CheckResult[];
}

export interface ResultSets {
  /** Stores the set and returns its id; a set saved again under the same `key` keeps its first id. */
  save(set: ResultSet, options?: { key?: string }): Promise<string>;
  /** Undefined for an unknown, malformed or forgotten id. */
  get(id: string): Promise<ResultSet | undefined>;
}

export interface MemoryResultSetsOptions {
  /** How long a set is kept. */
  ttlMs?: number;
  /** Findings kept across all sets; the oldest sets go first. */
  maxFindings?: number;
  now?: () => number;
}

interface Entry {
  set: ResultSet;
  savedAt: number;
  key?: string;
}

const ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * In this process's memory, bounded by age and size: a message's "Show all" works for a day, and after a
 * restart it says the list is gone (the CSV and `/awscheck CHECK-ID` still have everything).
 */
export class MemoryResultSets implements ResultSets {
  private readonly entries = new Map<string, Entry>();
  private readonly keys = new Map<string, string>();
  private readonly ttlMs: number;
  private readonly maxFindings: number;
  private readonly now: () => number;
  private findings = 0;

  constructor(options: MemoryResultSetsOptions = {}) {
    this.ttlMs = options.ttlMs ?? DAY_MS;
    this.maxFindings = options.maxFindings ?? 250_000;
    this.now = options.now ?? Date.now;
  }

  save(set: ResultSet, options: { key?: string } = {}): Promise<string> {
    this.expire();
    const known = options.key === undefined ? undefined : this.keys.get(options.key);
    if (known && this.entries.has(known)) return Promise.resolve(known);
    const id = randomBytes(16).toString('base64url');
    this.entries.set(id, { set, savedAt: this.now(), ...(options.key !== undefined ? { key: options.key } : {}) });
    if (options.key !== undefined) this.keys.set(options.key, id);
    this.findings += set.failing.length;
    // The newest set always stays, however big.
    while (this.findings > this.maxFindings && this.entries.size > 1) this.drop(this.entries.keys().next().value as string);
    return Promise.resolve(id);
  }

  get(id: string): Promise<ResultSet | undefined> {
    if (!ID.test(id)) return Promise.resolve(undefined);
    this.expire();
    return Promise.resolve(this.entries.get(id)?.set);
  }

  private expire(): void {
    const oldest = this.now() - this.ttlMs;
    for (const [id, entry] of this.entries) {
      // Insertion order is age order.
      if (entry.savedAt > oldest) break;
      this.drop(id);
    }
  }

  private drop(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.findings -= entry.set.failing.length;
    if (entry.key !== undefined && this.keys.get(entry.key) === id) this.keys.delete(entry.key);
  }
}
