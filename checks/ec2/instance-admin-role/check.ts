import { instances } from '../../../src/collectors/ec2/instances.ts';
import { authorizationDetails } from '../../../src/collectors/iam/authorization-details.ts';
import { roleAdminGrants, roleForInstanceProfile } from '../../../src/collectors/iam/policy-analysis.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import type { Localized } from '../../../src/i18n/locale.ts';
import { instanceLabel, instanceResource } from '../lib/instance.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const instanceAdminRole = defineCheck({
  id: 'ec2.instance-admin-role',
  service: 'ec2',
  severity: 'high',
  cis: [],
  securityHub: [],
  scope: 'regional',
  needs: [instances, authorizationDetails],
  ...checkTexts(en, ja),
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
          evidence: ctx.text({ en: `${label} has no instance profile`, ja: `${label} にインスタンスプロファイルはありません` }),
          details: { instanceId: i.instanceId, name: i.name, state: i.state },
        };
      }
      const role = roleForInstanceProfile(details, profileArn);
      const error = (reason: Localized): ResultDraft => ({
        ...base,
        status: 'ERROR',
        evidence: ctx.text({ en: `${label} could not be evaluated: ${reason.en}`, ja: `${label} を評価できませんでした: ${reason.ja}` }),
        details: { instanceId: i.instanceId, name: i.name, state: i.state, instanceProfileArn: profileArn, reason: reason.en },
      });
      // An empty profile and one created after IAM was read look the same here: unknown, not safe.
      if (!role) {
        const unread = details.unreadable.roles.map((r) => r.resourceId).join(', ');
        if (unread) {
          return error({
            en: `no readable role holds instance profile ${profileArn}; these roles could not be read: ${unread}`,
            ja: `インスタンスプロファイル ${profileArn} を持つロールを読み取れませんでした。読み取れなかったロール: ${unread}`,
          });
        }
        return error({
          en: `instance profile ${profileArn} holds no role in the IAM data read for this scan`,
          ja: `このスキャンで読み取った IAM の情報では、インスタンスプロファイル ${profileArn} にロールがありません`,
        });
      }
      let grants: string[];
      try {
        grants = roleAdminGrants(details, role.name);
      } catch (err) {
        const message = (err as Error).message;
        return error({ en: message, ja: message });
      }
      const roleDetails = {
        instanceId: i.instanceId,
        name: i.name,
        state: i.state,
        instanceProfileArn: profileArn,
        roleName: role.name,
        roleArn: role.arn,
        adminPolicies: grants,
      };
      return grants.length > 0
        ? {
            ...base,
            status: 'FAIL',
            evidence: ctx.text({
              en: `${label} runs with role ${role.name}, which has administrator rights (${grants.join(', ')})`,
              ja: `${label} のロール ${role.name} に管理者権限があります (${grants.join('、')})`,
            }),
            details: roleDetails,
          }
        : {
            ...base,
            status: 'PASS',
            evidence: ctx.text({
              en: `${label} runs with role ${role.name}, which has no administrator policy`,
              ja: `${label} のロール ${role.name} に管理者権限のポリシーはありません`,
            }),
            details: roleDetails,
          };
    });
  },
});
