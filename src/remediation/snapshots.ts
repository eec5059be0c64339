// Finding snapshots: when a results message is rendered, each finding with buttons is stored under a
// random id, and the buttons carry only that id. A click is looked up here, server-side, so a button's
// value can name a finding but can never carry one (or anyone's identity or authority).
import { randomBytes } from 'node:crypto';
import type { CheckResult, Clock } from '../engine/types.ts';
import type { RemediationStore } from './store.ts';

const ID = /^[A-Za-z0-9_-]{22}$/;

export class FindingSnapshots {
  /** Writes still in flight: a click that races its own message's rendering waits for them. */
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    private readonly store: Pick<RemediationStore, 'saveSnapshot' | 'getSnapshot'>,
    private readonly clock: Clock,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** The id for a button's value, at once (rendering is synchronous); the write finishes in the background. */
  remember(finding: CheckResult): string {
    const id = randomBytes(16).toString('base64url');
    const write = this.store
      .saveSnapshot({ id, finding: structuredClone(finding), createdAt: this.clock.now().toISOString() })
      .catch(this.onError)
      .finally(() => this.pending.delete(id));
    this.pending.set(id, write);
    return id;
  }

  /** The finding behind a button's value; undefined for anything that is not a stored snapshot's id. */
  async find(value: unknown): Promise<CheckResult | undefined> {
    if (typeof value !== 'string' || !ID.test(value)) return undefined;
    await this.pending.get(value);
    return (await this.store.getSnapshot(value))?.finding;
  }

  /** Resolves when every snapshot written so far is stored. */
  async flushed(): Promise<void> {
    await Promise.all([...this.pending.values()]);
  }
}
