// Aggregates progress across accounts into one snapshot per service ("IAM done · EC2 2/17 regions").
import type { AnyCheck, ScanProgress, Service, ServiceProgress } from './types.ts';

export class ProgressTracker {
  // accountId → service → progress
  private readonly state = new Map<string, Map<Service, ServiceProgress>>();
  private readonly globalPending = new Map<string, Map<Service, number>>();

  constructor(private readonly listener?: (progress: ScanProgress) => void) {}

  private entry(accountId: string, service: Service, unit: string): ServiceProgress {
    let services = this.state.get(accountId);
    if (!services) this.state.set(accountId, (services = new Map<Service, ServiceProgress>()));
    let entry = services.get(service);
    if (!entry) services.set(service, (entry = { done: 0, total: 0, unit, finished: false }));
    return entry;
  }

  planRegions(accountId: string, regionalChecks: readonly AnyCheck[], regionCount: number): void {
    for (const service of new Set(regionalChecks.map((c) => c.service))) {
      const entry = this.entry(accountId, service, 'regions');
      entry.total = regionCount;
      entry.finished = regionCount === 0;
    }
    this.emit();
  }

  planGlobal(accountId: string, globalChecks: readonly AnyCheck[]): void {
    const pending = new Map<Service, number>();
    for (const check of globalChecks) pending.set(check.service, (pending.get(check.service) ?? 0) + 1);
    this.globalPending.set(accountId, pending);
    for (const service of pending.keys()) {
      // A collector may already have said "4/12 buckets"; keep its unit.
      this.entry(accountId, service, 'checks');
    }
    this.emit();
  }

  /** Progress inside a collector (buckets of an account). */
  set(accountId: string, service: Service, done: number, total: number, unit: string): void {
    const entry = this.entry(accountId, service, unit);
    Object.assign(entry, { done, total, unit });
    this.emit();
  }

  globalCheckDone(accountId: string, service: Service): void {
    const pending = this.globalPending.get(accountId);
    const left = (pending?.get(service) ?? 1) - 1;
    pending?.set(service, left);
    if (left <= 0) this.entry(accountId, service, 'checks').finished = true;
    this.emit();
  }

  regionDone(accountId: string, service: Service): void {
    const entry = this.entry(accountId, service, 'regions');
    entry.done += 1;
    entry.finished = entry.done >= entry.total;
    this.emit();
  }

  snapshot(): ScanProgress {
    const out: ScanProgress = {};
    for (const services of this.state.values()) {
      for (const [service, p] of services) {
        const sum = out[service];
        out[service] = sum
          ? { done: sum.done + p.done, total: sum.total + p.total, unit: p.unit, finished: sum.finished && p.finished }
          : { ...p };
      }
    }
    return out;
  }

  private emit(): void {
    this.listener?.(this.snapshot());
  }
}
