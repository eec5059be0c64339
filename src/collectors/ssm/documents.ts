// ListDocuments (Owner=Self) + DescribeDocumentPermission per document: who each of the account's own
// Systems Manager documents is shared with. One document that can't be read is an ERROR for it alone.
import {
  DescribeDocumentPermissionCommand,
  type DescribeDocumentPermissionCommandOutput,
  paginateListDocuments,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { describeAwsError } from '../../aws/errors.ts';
import { defineCollector } from '../../engine/define.ts';
import type { CollectContext } from '../../engine/types.ts';
import { collectPages, sendOptions } from '../sdk.ts';
import { present } from '../ec2/sdk.ts';

export interface SsmDocumentShare {
  /** Account ids, or `all` for public. */
  accountIds: string[];
  /** The version shared with everyone, when it is public (needed to share it again on undo). */
  publicVersion?: string;
}

export interface SsmDocument {
  name: string;
  documentType?: string;
  documentFormat?: string;
  documentVersion?: string;
  /** Undefined when DescribeDocumentPermission failed; `error` says why. */
  share?: SsmDocumentShare;
  error?: string;
}

async function describeShare(ctx: CollectContext, client: SSMClient, name: string): Promise<SsmDocumentShare> {
  const accountIds: string[] = [];
  let publicVersion: string | undefined;
  let token: string | undefined;
  // No SDK paginator exists for this call, but it does page.
  do {
    const page: DescribeDocumentPermissionCommandOutput = await client.send(
      new DescribeDocumentPermissionCommand({ Name: name, PermissionType: 'Share', ...(token ? { NextToken: token } : {}) }),
      sendOptions(ctx),
    );
    accountIds.push(...(page.AccountIds ?? []));
    for (const info of page.AccountSharingInfoList ?? []) {
      if (info.AccountId === 'all') publicVersion = info.SharedDocumentVersion;
    }
    token = page.NextToken;
  } while (token);
  return { accountIds, ...(publicVersion ? { publicVersion } : {}) };
}

export const ssmDocuments = defineCollector<SsmDocument[]>({
  id: 'ssm.documents',
  scope: 'regional',
  actions: ['ssm:ListDocuments', 'ssm:DescribeDocumentPermission'],
  async collect(ctx) {
    const client = ctx.session.client(SSMClient, ctx.region);
    const input = { Filters: [{ Key: 'Owner', Values: ['Self'] }] };
    const documents = await collectPages(
      paginateListDocuments({ client, pageSize: 50 }, input, sendOptions(ctx)),
      (page) => page.DocumentIdentifiers,
      (d): SsmDocument => ({
        name: present(d.Name, 'a document name'),
        documentType: d.DocumentType,
        documentFormat: d.DocumentFormat,
        documentVersion: d.DocumentVersion,
      }),
    );
    let done = 0;
    // The session's per-account limit bounds how many of these run at once.
    await Promise.all(
      documents.map(async (doc) => {
        try {
          doc.share = await describeShare(ctx, client, doc.name);
        } catch (err) {
          if (ctx.signal?.aborted) throw err;
          doc.error = describeAwsError(err, ctx.settings.locale);
        }
        ctx.progress(++done, documents.length, 'documents');
      }),
    );
    return documents;
  },
});
