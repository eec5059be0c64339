// node-cron's `distributed` mode asks a RunCoordinator before each fire; this one claims the slot in the
// shared store, so however many replicas run, exactly one of them runs each slot.
import type { RunCoordinator } from 'node-cron';
import type { Clock } from '../engine/types.ts';
import type { Store } from '../store/store.ts';

export function storeRunCoordinator(store: Pick<Store, 'claimSlot' | 'completeSlot'>, owner: string, clock: Clock): RunCoordinator {
  return {
    // node-cron's key is `<task name>:<slot ISO time>`: the same on every replica for the same fire.
    shouldRun: (key) => store.claimSlot(key, owner, clock.now().toISOString()),
    onComplete: (key) => store.completeSlot(key, clock.now().toISOString()),
  };
}
