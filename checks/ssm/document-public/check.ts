import { ssmDocuments } from '../../../src/collectors/ssm/documents.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { regionalArn } from '../../ec2/lib/arn.ts';

export const documentPublic = defineCheck({
  id: 'ssm.document-public',
  service: 'ssm',
  severity: 'critical',
  cis: [],
  securityHub: ['SSM.4'],
  scope: 'regional',
  needs: [ssmDocuments],
  title: {
    en: 'Systems Manager documents are not shared publicly',
    ja: 'Systems Manager ドキュメントがパブリックに共有されていない',
  },
  why: {
    en: 'A public document can be read and run by every AWS account. Automation and command documents often reveal internal host names, bucket names, scripts and sometimes credentials, which help an attacker plan their way in.',
    ja: 'パブリックなドキュメントは、すべての AWS アカウントから閲覧・実行できます。オートメーションやコマンドのドキュメントには、内部のホスト名、バケット名、スクリプト、ときには認証情報まで含まれていることがあり、攻撃者が侵入の計画を立てる手がかりになります。',
  },
  guide: {
    en: '1. Open Systems Manager → Documents → Owned by me, and select the document named in the finding.\n2. On the Permissions tab choose Private, add only the account ids that need the document, and save.\n3. Turn on Block public sharing for documents (Documents → Preferences) so it cannot happen again.\nCLI: `aws ssm modify-document-permission --name <document> --permission-type Share --account-ids-to-remove all`',
    ja: '1. Systems Manager の「ドキュメント」→「自分が所有」で、検出されたドキュメントを選択します。\n2.「アクセス許可」タブで「プライベート」を選び、ドキュメントを必要とするアカウント ID だけを追加して保存します。\n3. 再発を防ぐため、ドキュメントのパブリック共有のブロックを有効にします (「ドキュメント」→「設定」)。\nCLI: `aws ssm modify-document-permission --name <document> --permission-type Share --account-ids-to-remove all`',
  },
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
          evidence: ctx.text({
            en: `Document ${doc.name} could not be evaluated: ${reason}`,
            ja: `ドキュメント ${doc.name} を評価できませんでした: ${reason}`,
          }),
          details: { name: doc.name, reason },
        };
      }
      const isPublic = doc.share.accountIds.includes('all');
      const accounts = doc.share.accountIds.filter((id) => id !== 'all');
      return {
        ...base,
        status: isPublic ? 'FAIL' : 'PASS',
        evidence: isPublic
          ? ctx.text({
              en: `Document ${doc.name} is shared publicly${doc.share.publicVersion ? ` (version ${doc.share.publicVersion})` : ''}`,
              ja: `ドキュメント ${doc.name} はパブリックに共有されています${doc.share.publicVersion ? ` (バージョン ${doc.share.publicVersion})` : ''}`,
            })
          : accounts.length > 0
            ? ctx.text({
                en: `Document ${doc.name} is not public (shared with ${accounts.length} account(s))`,
                ja: `ドキュメント ${doc.name} はパブリックではありません (${accounts.length} 個のアカウントと共有)`,
              })
            : ctx.text({ en: `Document ${doc.name} is not shared`, ja: `ドキュメント ${doc.name} は共有されていません` }),
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
