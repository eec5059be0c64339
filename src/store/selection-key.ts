// Two scans are comparable only when they asked for the same thing; this canonical form of a selection
// lets the store find "the previous scan like this one" without knowing what a selection means.
import type { ScanSelection } from '../engine/types.ts';

const FIELDS = ['accounts', 'checks', 'regions', 'services'] as const;

/** Order and duplicates in the lists do not matter; an empty list means "no narrowing", as in the engine. */
export function selectionKey(selection: ScanSelection): string {
  const canonical: Record<string, string[]> = {};
  for (const field of FIELDS) {
    const values = selection[field];
    if (values?.length) canonical[field] = [...new Set<string>(values)].sort();
  }
  return JSON.stringify(canonical);
}

/** True when the selection runs the whole catalogue (it may still narrow accounts or regions). */
export function coversAllChecks(selection: ScanSelection): boolean {
  return !selection.services?.length && !selection.checks?.length;
}
