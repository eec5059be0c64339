// Who may run scans: AWSCHECK_SCANNERS lists users (U…/W…) and user groups (S…); empty means everyone.
// Group membership comes from usergroups.users.list and is cached briefly, so a burst of commands costs one
// call per group and a removal takes effect within a minute. A group that cannot be read admits nobody.
import type { webApi } from '@slack/bolt';

type UsergroupsClient = Pick<webApi.WebClient, 'usergroups'>;

export interface ScannerAllowlistOptions {
  /** How long a group's member list is trusted. */
  ttlMs?: number;
  now?: () => number;
  onLookupError?: (groupId: string, err: unknown) => void;
}

interface CachedGroup {
  members: ReadonlySet<string>;
  expires: number;
}

export class ScannerAllowlist {
  private readonly users: ReadonlySet<string>;
  private readonly groups: readonly string[];
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly onLookupError: (groupId: string, err: unknown) => void;
  private readonly cache = new Map<string, Promise<CachedGroup>>();

  constructor(ids: readonly string[], options: ScannerAllowlistOptions = {}) {
    this.users = new Set(ids.filter((id) => !id.startsWith('S')));
    this.groups = ids.filter((id) => id.startsWith('S'));
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.onLookupError = options.onLookupError ?? (() => undefined);
  }

  get isOpen(): boolean {
    return this.users.size === 0 && this.groups.length === 0;
  }

  /** The user id must come from the signed Slack payload (body.user.id), never from a button value. */
  async allows(client: UsergroupsClient, userId: string): Promise<boolean> {
    if (this.isOpen || this.users.has(userId)) return true;
    for (const group of this.groups) {
      const { members } = await this.members(client, group);
      if (members.has(userId)) return true;
    }
    return false;
  }

  private members(client: UsergroupsClient, groupId: string): Promise<CachedGroup> {
    const cached = this.cache.get(groupId);
    if (cached) {
      const settled = cached.then((entry) => (entry.expires > this.now() ? entry : undefined));
      return settled.then((entry) => entry ?? this.fetch(client, groupId));
    }
    return this.fetch(client, groupId);
  }

  private fetch(client: UsergroupsClient, groupId: string): Promise<CachedGroup> {
    const pending = client.usergroups.users
      .list({ usergroup: groupId })
      .then((answer) => ({ members: new Set(answer.users ?? []), expires: this.now() + this.ttlMs }))
      .catch((err: unknown) => {
        this.onLookupError(groupId, err);
        // Not cached: the next command asks again.
        this.cache.delete(groupId);
        return { members: new Set<string>(), expires: 0 };
      });
    this.cache.set(groupId, pending);
    return pending;
  }
}
