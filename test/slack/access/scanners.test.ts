import { describe, expect, it, vi } from 'vitest';
import { ScannerAllowlist } from '../../../src/slack/access/scanners.ts';

function fakeClient(groups: Record<string, string[]>) {
  const list = vi.fn(async ({ usergroup }: { usergroup: string }) => {
    const users = groups[usergroup];
    if (!users) throw Object.assign(new Error('An API error occurred: no_such_subteam'), { data: { error: 'no_such_subteam' } });
    return { ok: true, users };
  });
  return { client: { usergroups: { users: { list } } } as never, list };
}

describe('ScannerAllowlist', () => {
  it('lets everyone scan when the list is empty', async () => {
    const { client, list } = fakeClient({});
    expect(await new ScannerAllowlist([]).allows(client, 'U0ANY')).toBe(true);
    expect(list).not.toHaveBeenCalled();
  });

  it('allows listed users and members of listed groups, no one else', async () => {
    const { client } = fakeClient({ S0SEC: ['U0GROUPIE'] });
    const allowlist = new ScannerAllowlist(['U0BOSS', 'W0ENTERPRISE', 'S0SEC']);
    expect(await allowlist.allows(client, 'U0BOSS')).toBe(true);
    expect(await allowlist.allows(client, 'W0ENTERPRISE')).toBe(true);
    expect(await allowlist.allows(client, 'U0GROUPIE')).toBe(true);
    expect(await allowlist.allows(client, 'U0STRANGER')).toBe(false);
  });

  it('caches a group briefly, then asks again', async () => {
    let now = 0;
    const { client, list } = fakeClient({ S0SEC: ['U0GROUPIE'] });
    const allowlist = new ScannerAllowlist(['S0SEC'], { ttlMs: 60_000, now: () => now });
    await allowlist.allows(client, 'U0GROUPIE');
    await allowlist.allows(client, 'U0OTHER');
    expect(list).toHaveBeenCalledTimes(1);
    now = 61_000;
    await allowlist.allows(client, 'U0GROUPIE');
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('admits nobody through a group it cannot read, and reports it', async () => {
    const { client, list } = fakeClient({});
    const failures: string[] = [];
    const allowlist = new ScannerAllowlist(['S0GONE'], { onLookupError: (group) => failures.push(group) });
    expect(await allowlist.allows(client, 'U0ANY')).toBe(false);
    expect(await allowlist.allows(client, 'U0ANY')).toBe(false);
    expect(failures).toEqual(['S0GONE', 'S0GONE']);
    expect(list).toHaveBeenCalledTimes(2);
  });
});
