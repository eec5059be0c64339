// What every collector does the same way around an SDK call: stop when the scan is cancelled, read every
// page, and take a "not configured" error as the answer it is.
import { hasErrorCode } from '../aws/errors.ts';
import type { ClientClass, SdkClient } from '../aws/session.ts';
import type { CollectContext } from '../engine/types.ts';

/** The scan's abort signal as per-call `send` options (paginators pass it on to every page). */
export function sendOptions(ctx: CollectContext): { abortSignal?: AbortSignal } {
  return ctx.signal ? { abortSignal: ctx.signal } : {};
}

/** A listing's paginator settings in the scan's region: that region's client, and the page size to ask for. */
export function regionalPaging<C extends SdkClient>(ctx: CollectContext, clientClass: ClientClass<C>, pageSize: number): { client: C; pageSize: number } {
  return { client: ctx.session.client(clientClass, ctx.region), pageSize };
}

/** Every item of every page, mapped as it arrives, so a malformed item stops the listing at its own page. */
export async function collectPages<Page, Item, T>(
  pages: AsyncIterable<Page>,
  itemsOf: (page: Page) => readonly Item[] | undefined,
  map: (item: Item) => T,
): Promise<T[]> {
  const found: T[] = [];
  for await (const page of pages) {
    for (const item of itemsOf(page) ?? []) found.push(map(item));
  }
  return found;
}

/** An AWS error code that means "none configured", and the answer it stands for: a finding, not a failure to read. */
export interface NotConfigured<T> {
  codes: readonly string[];
  answer: () => T;
}

export async function orNotConfigured<T>(read: () => Promise<T>, notConfigured: NotConfigured<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (hasErrorCode(err, ...notConfigured.codes)) return notConfigured.answer();
    throw err;
  }
}

/** The focused resource ids this collector can ask for by id (an alert's re-read), or undefined for a full read. */
export function focusedIds(ctx: CollectContext, pattern: RegExp): string[] | undefined {
  const ids = ctx.focus?.filter((id) => pattern.test(id));
  return ids?.length ? ids : undefined;
}
