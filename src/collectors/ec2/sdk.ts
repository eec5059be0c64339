// Small shared pieces of every EC2/SSM collector: cancellation and the fields AWS must always return.
import type { CollectContext } from '../../engine/types.ts';

/** Extra `send` arguments for the SDK paginators, so a cancelled scan stops between pages. */
export function sendOptions(ctx: CollectContext): { abortSignal?: AbortSignal } {
  return ctx.signal ? { abortSignal: ctx.signal } : {};
}

/** An id AWS always returns; a missing one is an unexpected shape, which must end as ERROR, not PASS. */
export function present<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null || value === '') throw new Error(`AWS answered without ${what}`);
  return value;
}

/** The Name tag, the label people recognise a resource by. */
export function nameTag(tags: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined): string | undefined {
  return tags?.find((t) => t.Key === 'Name')?.Value || undefined;
}
