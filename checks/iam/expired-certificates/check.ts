import { serverCertificates } from '../../../src/collectors/iam/server-certificates.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { GLOBAL_REGION } from '../../../src/engine/types.ts';
import { orAccountPass } from '../lib/resources.ts';
import { ageDays, isoDay } from '../lib/time.ts';

export const expiredCertificates = defineCheck({
  id: 'iam.expired-certificates',
  service: 'iam',
  severity: 'low',
  cis: ['1.19'],
  securityHub: ['IAM.26'],
  scope: 'global',
  needs: [serverCertificates],
  title: {
    en: 'No expired server certificates are stored in IAM',
    ja: '有効期限切れのサーバー証明書が IAM に保存されていない',
  },
  why: {
    en: 'An expired certificate still attached to a load balancer or CloudFront breaks TLS for your users, and one left behind invites someone to deploy it by mistake. AWS Certificate Manager renews certificates automatically.',
    ja: 'ロードバランサーや CloudFront にアタッチされたまま期限切れになった証明書は、利用者の TLS 接続を失敗させます。放置された証明書は、誤って再び使われる原因にもなります。AWS Certificate Manager なら証明書は自動で更新されます。',
  },
  guide: {
    en: '1. Make sure no load balancer or CloudFront distribution still uses the certificate (replace it with an ACM certificate first).\n2. IAM server certificates have no console page: delete with the CLI.\n3. Issue future certificates with AWS Certificate Manager so they renew automatically.\nCLI: `aws iam delete-server-certificate --server-certificate-name NAME`',
    ja: '1. その証明書をまだ使っているロードバランサーや CloudFront ディストリビューションがないことを確認します (先に ACM の証明書に置き換えます)。\n2. IAM のサーバー証明書にはコンソール画面がないため、CLI で削除します。\n3. 今後の証明書は、自動で更新される AWS Certificate Manager で発行します。\nCLI: `aws iam delete-server-certificate --server-certificate-name NAME`',
  },
  evaluate([certificates], ctx) {
    const now = ctx.clock.now();
    const drafts = certificates.map((cert): ResultDraft => {
      const target = { region: GLOBAL_REGION, resourceType: 'AWS::IAM::ServerCertificate', resourceId: cert.name, resourceArn: cert.arn };
      if (!cert.expiresAt) {
        const reason = `ListServerCertificates gave no expiration date for ${cert.name}`;
        return {
          status: 'ERROR',
          ...target,
          evidence: ctx.text({ en: reason, ja: `ListServerCertificates で ${cert.name} の有効期限が返されませんでした` }),
          details: { reason },
        };
      }
      const expired = cert.expiresAt.getTime() <= now.getTime();
      return {
        status: expired ? 'FAIL' : 'PASS',
        ...target,
        evidence: expired
          ? ctx.text({
              en: `Server certificate ${cert.name} expired on ${isoDay(cert.expiresAt)}, ${ageDays(cert.expiresAt, now)} days ago`,
              ja: `サーバー証明書 ${cert.name} は ${isoDay(cert.expiresAt)} に有効期限が切れています (${ageDays(cert.expiresAt, now)} 日前)`,
            })
          : ctx.text({
              en: `Server certificate ${cert.name} is valid until ${isoDay(cert.expiresAt)}`,
              ja: `サーバー証明書 ${cert.name} の有効期限は ${isoDay(cert.expiresAt)} です`,
            }),
        details: { expiresAt: cert.expiresAt.toISOString(), uploadedAt: cert.uploadedAt?.toISOString() ?? null, expired },
      };
    });
    return orAccountPass(drafts, ctx, { en: 'No server certificates are stored in IAM', ja: 'IAM に保存されているサーバー証明書はありません' });
  },
});
