import { instances } from '../../../src/collectors/ec2/instances.ts';
import { authorizationDetails } from '../../../src/collectors/iam/authorization-details.ts';
import { roleAdminGrants, roleForInstanceProfile } from '../../../src/collectors/iam/policy-analysis.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { instanceLabel, instanceResource } from '../lib/instance.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const instanceAdminRole = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [instances, authorizationDetails],
  // Stopped instances count too: the profile stays attached, and the role is back the moment it starts.
  evaluate([found, details], ctx) {
    return found.map((i): ResultDraft => {
      const label = instanceLabel(i);
      const base = instanceResource(ctx, i.instanceId);
      const profileArn = i.iamInstanceProfileArn;
      if (!profileArn) {
        return {
          ...base,
          status: 'PASS',
          evidence: ctx.say('noProfile', { instance: label }),
          details: { instanceId: i.instanceId, name: i.name, state: i.state },
        };
      }
      const role = roleForInstanceProfile(details, profileArn);
      const profileDetails = { instanceId: i.instanceId, name: i.name, state: i.state, instanceProfileArn: profileArn };
      // An empty profile and one created after IAM was read look the same here: unknown, not safe.
      if (!role) {
        const unreadableRoles = details.unreadable.roles.map((r) => r.resourceId);
        return {
          ...base,
          status: 'ERROR',
          evidence:
            unreadableRoles.length > 0
              ? ctx.say('roleUnread', { instance: label, profile: profileArn, roles: unreadableRoles.join(', ') })
              : ctx.say('profileWithoutRole', { instance: label, profile: profileArn }),
          details: { ...profileDetails, unreadableRoles },
        };
      }
      let grants: string[];
      try {
        grants = roleAdminGrants(details, role.name);
      } catch (err) {
        // The policy analysis names what it could not read, in English like AWS's own errors.
        const reason = (err as Error).message;
        return { ...base, status: 'ERROR', evidence: ctx.say('common:unreadable', { name: label, reason }), details: { ...profileDetails, reason } };
      }
      const roleDetails = {
        ...profileDetails,
        roleName: role.name,
        roleArn: role.arn,
        adminPolicies: grants,
      };
      return grants.length > 0
        ? {
            ...base,
            status: 'FAIL',
            evidence: ctx.say('admin', { instance: label, role: role.name, policies: grants }),
            details: roleDetails,
          }
        : {
            ...base,
            status: 'PASS',
            evidence: ctx.say('notAdmin', { instance: label, role: role.name }),
            details: roleDetails,
          };
    });
  },
});
