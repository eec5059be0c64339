import { ssmDocuments } from '../../../src/collectors/ssm/documents.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { regionalArn } from '../../ec2/lib/arn.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const documentPublic = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [ssmDocuments],
  evaluate([documents], ctx) {
    return documents.map((doc): ResultDraft => {
      const base = {
        region: ctx.region,
        resourceType: 'AWS::SSM::Document',
        resourceId: doc.name,
        resourceArn: regionalArn(ctx, 'ssm', `document/${doc.name}`),
      };
      if (!doc.share) {
        const reason = doc.error ?? 'DescribeDocumentPermission gave no answer';
        return {
          ...base,
          status: 'ERROR',
          evidence: ctx.say('unreadable', { document: doc.name, reason }),
          details: { name: doc.name, reason },
        };
      }
      const isPublic = doc.share.accountIds.includes('all');
      const accounts = doc.share.accountIds.filter((id) => id !== 'all');
      return {
        ...base,
        status: isPublic ? 'FAIL' : 'PASS',
        evidence: isPublic
          ? doc.share.publicVersion
            ? ctx.say('publicVersion', { document: doc.name, version: doc.share.publicVersion })
            : ctx.say('public', { document: doc.name })
          : accounts.length > 0
            ? ctx.say('sharedWithAccounts', { document: doc.name, count: accounts.length })
            : ctx.say('notShared', { document: doc.name }),
        // What an undo needs to share it publicly again: the version that was public.
        details: {
          name: doc.name,
          documentType: doc.documentType,
          documentVersion: doc.documentVersion,
          sharedWith: doc.share.accountIds,
          publicVersion: doc.share.publicVersion,
        },
      };
    });
  },
});
