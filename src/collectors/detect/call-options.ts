// Every detection call stops when the scan is cancelled (a Slack user gave up, the CLI got Ctrl-C).
import type { CollectContext } from '../../engine/types.ts';

/** The scan's abort signal as the SDK's per-call options (paginators pass it on to every page). */
export function callOptions(ctx: CollectContext): { abortSignal?: AbortSignal } {
  return ctx.signal ? { abortSignal: ctx.signal } : {};
}
