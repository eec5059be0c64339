// What every handler gets and returns: the world, the region the client was built for, and the fake's own
// state (what AWS remembers between calls, like a credential report being generated).
import type { World } from '../world.ts';

export interface FakeState {
  /** GenerateCredentialReport calls answered so far. */
  reportGenerations: number;
}

export interface CallContext {
  world: World;
  /** The client's region (S3 per-bucket calls must match the bucket's). */
  region: string;
  state: FakeState;
}

/** An operation's answer without `$metadata`, which the fake adds. */
export type Handler = (input: Record<string, unknown>, ctx: CallContext) => object;

/** Typed against the SDK's own input and output shapes, so a misspelt field fails the type check. */
export function op<I extends object, O extends { $metadata: unknown }>(fn: (input: I, ctx: CallContext) => Omit<O, '$metadata'>): Handler {
  return fn as unknown as Handler;
}

interface Filter {
  Name?: string | undefined;
  Key?: string | undefined;
  Values?: string[] | undefined;
}

/** The values of the named filter (EC2 `Name`, SSM `Key`), or undefined when the filter isn't given. */
export function filterValues(filters: readonly Filter[] | undefined, name: string): string[] | undefined {
  const found = filters?.find((f) => (f.Name ?? f.Key) === name);
  return found ? (found.Values ?? []) : undefined;
}

/** Whether `value` passes the named filter (no filter: everything passes). */
export function passes(filters: readonly Filter[] | undefined, name: string, value: string): boolean {
  const values = filterValues(filters, name);
  return values === undefined || values.includes(value);
}
