// GuardDuty.1, per region. Where GuardDuty is not offered (no endpoint) or the account is not subscribed,
// the collector leaves a note and this check emits nothing: "off" would be false, "on" would be worse.
import { guardDutyDetectors } from '../../../src/collectors/detect/guardduty-detectors.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { regionResource } from '../lib/region-resource.ts';

export const guarddutyEnabled = defineCheck({
  id: 'detect.guardduty-enabled',
  service: 'detect',
  severity: 'medium',
  cis: [],
  securityHub: ['GuardDuty.1'],
  scope: 'regional',
  needs: [guardDutyDetectors],
  title: {
    en: 'GuardDuty is enabled',
    ja: 'GuardDuty が有効になっている',
  },
  why: {
    en: 'GuardDuty watches CloudTrail, VPC Flow Logs and DNS logs for signs of compromise: stolen credentials used from unusual places, crypto-mining instances, calls to known malicious hosts. A region without it is a region where such activity goes unnoticed.',
    ja: 'GuardDuty は CloudTrail、VPC フローログ、DNS ログを分析し、普段と異なる場所からの認証情報の使用、暗号通貨マイニング、既知の悪意あるホストとの通信など、侵害の兆候を検出します。GuardDuty が無効なリージョンでは、こうした活動に気付けません。',
  },
  guide: {
    en: '1. Open the GuardDuty console in the region.\n2. Choose Get Started → Enable GuardDuty (for a suspended detector: Settings → Resume GuardDuty).\n3. With AWS Organizations, designate a delegated administrator and turn on auto-enable so new accounts are covered.\n4. Send findings somewhere people look (Security Hub, EventBridge to chat or email).\nCLI: `aws guardduty create-detector --enable --region <region>`',
    ja: '1. 対象リージョンで GuardDuty コンソールを開きます。\n2.「今すぐ始める」→「GuardDuty の有効化」を選びます (停止中のディテクターの場合は「設定」→「GuardDuty を再開」)。\n3. AWS Organizations を使っている場合は委任管理者を指定し、新しいアカウントも対象になるよう自動有効化をオンにします。\n4. 検出結果を Security Hub や EventBridge 経由のチャット・メール通知など、担当者が確認する場所に送ります。\nCLI: `aws guardduty create-detector --enable --region <リージョン>`',
  },
  evaluate([inventory], ctx) {
    if (!inventory.available) return [];
    const region = ctx.region;
    const detectors = inventory.detectors;
    const enabled = detectors.filter((detector) => detector.status === 'ENABLED');
    const details = { detectors: detectors.map((detector) => ({ id: detector.id, status: detector.status })) };
    if (enabled.length > 0) {
      const ids = enabled.map((detector) => detector.id).join(', ');
      return [
        {
          status: 'PASS',
          ...regionResource(ctx),
          evidence: ctx.text({
            en: `GuardDuty detector ${ids} is enabled in ${region}`,
            ja: `${region} の GuardDuty ディテクター ${ids} は有効です`,
          }),
          details,
        },
      ];
    }
    const evidence =
      detectors.length === 0
        ? ctx.text({
            en: `GuardDuty has no detector in ${region}`,
            ja: `${region} に GuardDuty のディテクターがありません`,
          })
        : ctx.text({
            en: `GuardDuty detector ${detectors.map((d) => `${d.id} (${d.status})`).join(', ')} is suspended in ${region}`,
            ja: `${region} の GuardDuty ディテクター ${detectors.map((d) => `${d.id} (${d.status})`).join(', ')} は停止しています`,
          });
    return [{ status: 'FAIL', ...regionResource(ctx), evidence, details }];
  },
});
