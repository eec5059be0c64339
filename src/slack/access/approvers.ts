// Whether a Slack user is an approver: listed in AWSCHECK_APPROVERS, or a member of a listed user group
// (usergroups.users.list, cached for a minute like AWSCHECK_SCANNERS). An empty list approves nobody.
import type { webApi } from '@slack/bolt';
import { slackErrorCode } from '../errors.ts';
import { ScannerAllowlist } from './scanners.ts';

export interface ApproverLookupOptions {
  /** The process's Web API client (the bot token's): group membership is read with it. */
  client: webApi.WebClient;
  ttlMs?: number;
  onLookupError?: (message: string) => void;
}

export function approverLookup(ids: readonly string[], options: ApproverLookupOptions): (userId: string) => Promise<boolean> {
  const { client } = options;
  const list = new ScannerAllowlist(ids, {
    ...(options.ttlMs !== undefined ? { ttlMs: options.ttlMs } : {}),
    onLookupError: (group, err) =>
      options.onLookupError?.(`awscheck: could not read approver user group ${group} (${slackErrorCode(err)}); its members cannot approve until it can be read`),
  });
  return async (userId) => ids.length > 0 && list.allows(client, userId);
}
