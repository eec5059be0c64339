import { instances } from '../../../src/collectors/ec2/instances.ts';
import { authorizationDetails } from '../../../src/collectors/iam/authorization-details.ts';
import { roleAdminGrants, roleForInstanceProfile } from '../../../src/collectors/iam/policy-analysis.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import type { Localized } from '../../../src/i18n/locale.ts';
import { instanceLabel, instanceResource } from '../lib/instance.ts';

export const instanceAdminRole = defineCheck({
  id: 'ec2.instance-admin-role',
  service: 'ec2',
  severity: 'high',
  cis: [],
  securityHub: [],
  scope: 'regional',
  needs: [instances, authorizationDetails],
  title: {
    en: 'Instance roles do not have administrator rights',
    ja: 'インスタンスのロールに管理者権限がない',
  },
  why: {
    en: "Any process on an instance can fetch its role's credentials from the metadata service. If that role is an administrator, one compromised web application or SSRF bug becomes a takeover of the whole AWS account.",
    ja: 'インスタンス上のどのプロセスも、メタデータサービスからロールの認証情報を取得できます。そのロールが管理者権限を持っていると、Web アプリケーション 1 つの侵害や SSRF の脆弱性 1 つが AWS アカウント全体の乗っ取りにつながります。',
  },
  guide: {
    en: "1. Find out what the application on the instance really calls (IAM console → Roles → the role → Last accessed, or IAM Access Analyzer's policy generation from CloudTrail).\n2. Create a policy that allows only those actions on those resources, and attach it to the role.\n3. Detach AdministratorAccess (or remove the admin statement from the inline policy) on the role's Permissions tab.\n4. Watch the application for AccessDenied errors and add what is genuinely missing.\nCLI: `aws iam detach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess`",
    ja: '1. インスタンス上のアプリケーションが実際に呼び出している操作を調べます (IAM コンソールの「ロール」→ 対象ロール →「最終アクセス」、または IAM Access Analyzer の CloudTrail からのポリシー生成)。\n2. 必要な操作とリソースだけを許可するポリシーを作成し、ロールにアタッチします。\n3. ロールの「許可」タブで AdministratorAccess をデタッチします (インラインポリシーの場合は管理者権限のステートメントを削除します)。\n4. アプリケーションで AccessDenied エラーが出ないか確認し、本当に不足している権限だけを追加します。\nCLI: `aws iam detach-role-policy --role-name <ロール名> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess`',
  },
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
