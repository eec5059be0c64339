import { authorizationDetails } from '../../../src/collectors/iam/authorization-details.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { GLOBAL_REGION } from '../../../src/engine/types.ts';
import { orAccountPass } from '../lib/resources.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const userAttachedPolicies = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [authorizationDetails],
  evaluate([details], ctx) {
    const drafts = details.users.map((user): ResultDraft => {
      const attached = user.attachedPolicies.map((p) => p.name);
      const inline = user.inlinePolicies.map((p) => p.name);
      const direct = attached.length + inline.length > 0;
      return {
        status: direct ? 'FAIL' : 'PASS',
        region: GLOBAL_REGION,
        resourceType: 'AWS::IAM::User',
        resourceId: user.name,
        resourceArn: user.arn,
        evidence: !direct
          ? ctx.say('none', { user: user.name })
          : attached.length && inline.length
            ? ctx.say('attachedAndInline', { user: user.name, attached, inline })
            : attached.length
              ? ctx.say('attached', { user: user.name, attached })
              : ctx.say('inline', { user: user.name, inline }),
        details: { attachedPolicies: user.attachedPolicies, inlinePolicies: inline, groups: user.groups },
      };
    });
    return orAccountPass([...drafts, ...unreadableResults(details.unreadable.users, ctx)], ctx, ctx.say('iam:noUsers'));
  },
});
