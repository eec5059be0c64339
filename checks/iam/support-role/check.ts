import { authorizationDetails } from '../../../src/collectors/iam/authorization-details.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import { accountTarget } from '../lib/resources.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

const SUPPORT_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/AWSSupportAccess$/;

export const supportRole = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [authorizationDetails],
  evaluate([details], ctx) {
    const roles = details.roles.filter((r) => r.attachedPolicies.some((p) => SUPPORT_POLICY.test(p.arn))).map((r) => r.name);
    // Without a support role in sight, a role that could not be read might be it: ERROR for it, not FAIL.
    if (roles.length === 0 && details.unreadable.roles.length > 0) return unreadableResults(details.unreadable.roles, ctx);
    return [
      {
        status: roles.length > 0 ? 'PASS' : 'FAIL',
        ...accountTarget(ctx),
        evidence:
          roles.length > 0
            ? ctx.say('attached', { count: roles.length, roles })
            : ctx.say('notAttached'),
        details: { supportRoles: roles },
      },
    ];
  },
});
