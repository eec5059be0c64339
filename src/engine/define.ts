// Helpers that keep check and collector modules declarative and fully typed.
import type { AnyCollector, CheckDefinition, Collector } from './types.ts';

export function defineCollector<T>(collector: Collector<T>): Collector<T> {
  return collector;
}

export function defineCheck<const N extends readonly AnyCollector[]>(check: CheckDefinition<N>): CheckDefinition<N> {
  return check;
}
