// CIS 3.1 / CloudTrail.1, judged per region from one account-wide trail list: a region is covered when a
// multi-region trail is logging (it records every region). CloudTrail exists in every region, so there is
// no "not available" case here. A multi-region trail whose status could not be read leaves coverage
// unknown: ERROR, unless another multi-region trail is known to be logging.
import { cloudTrailTrails } from '../../../src/collectors/detect/cloudtrail-trails.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { regionResource } from '../lib/region-resource.ts';

export const cloudtrailMultiRegion = defineCheck({
  id: 'detect.cloudtrail-multi-region',
  service: 'detect',
  severity: 'high',
  cis: ['3.1'],
  securityHub: ['CloudTrail.1'],
  scope: 'regional',
  needs: [cloudTrailTrails],
  title: {
    en: 'A multi-region CloudTrail trail is logging',
    ja: 'マルチリージョンの CloudTrail 証跡でログ記録が有効になっている',
  },
  why: {
    en: 'CloudTrail records who did what through the AWS API. Without a logging trail that covers every region, an attacker who works in a region you do not watch leaves no lasting record, and an incident cannot be reconstructed afterwards.',
    ja: 'CloudTrail は、誰が AWS API で何をしたかを記録します。すべてのリージョンを対象としてログを記録している証跡がないと、監視していないリージョンで攻撃者が操作しても記録が残らず、インシデント発生後に経緯を追跡できません。',
  },
  guide: {
    en: '1. Open the CloudTrail console → Trails → Create trail (or select an existing trail whose logging is stopped and choose Start logging).\n2. Enter a trail name and let CloudTrail create a new S3 bucket for the logs (or choose an existing one with the CloudTrail bucket policy).\n3. Keep "Enable for all accounts in my organization" if you use AWS Organizations; management events Read and Write are on by default.\n4. Create the trail; a trail created in the console applies to all regions.\nCLI: `aws cloudtrail create-trail --name all-regions --s3-bucket-name <bucket-with-cloudtrail-policy> --is-multi-region-trail && aws cloudtrail start-logging --name all-regions`',
    ja: '1. CloudTrail コンソールで「証跡」→「証跡の作成」を選びます (ログ記録が停止している既存の証跡がある場合は、その証跡を選んで「ログ記録の開始」を選びます)。\n2. 証跡名を入力し、ログ用の新しい S3 バケットを CloudTrail に作成させます (CloudTrail 用のバケットポリシーを設定済みの既存バケットも選べます)。\n3. AWS Organizations を使っている場合は「組織内のすべてのアカウントについて有効化」を選びます。管理イベントの読み取りと書き込みはデフォルトで有効です。\n4. 証跡を作成します。コンソールで作成した証跡はすべてのリージョンに適用されます。\nCLI: `aws cloudtrail create-trail --name all-regions --s3-bucket-name <CloudTrail 用ポリシー設定済みのバケット> --is-multi-region-trail && aws cloudtrail start-logging --name all-regions`',
  },
  evaluate([inventory], ctx) {
    const multiRegion = inventory.trails.filter((trail) => trail.multiRegion);
    const logging = multiRegion.filter((trail) => trail.logging === true);
    const unreadable = multiRegion.filter((trail) => trail.statusError !== undefined);
    const stopped = multiRegion.filter((trail) => trail.logging === false);
    const names = (trails: typeof multiRegion) => trails.map((trail) => trail.name).join(', ');
    const details = {
      loggingTrails: logging.map((trail) => trail.arn),
      multiRegionTrails: multiRegion.map((trail) => ({
        name: trail.name,
        arn: trail.arn,
        homeRegion: trail.homeRegion,
        organization: trail.organization,
        logging: trail.logging ?? null,
        ...(trail.statusError !== undefined ? { statusError: trail.statusError } : {}),
      })),
    };
    const region = ctx.region;
    if (logging.length > 0) {
      return [
        {
          status: 'PASS',
          ...regionResource(ctx),
          evidence: ctx.text({
            en: `${region} is recorded by logging multi-region trail ${names(logging)}`,
            ja: `${region} はログ記録中のマルチリージョン証跡 ${names(logging)} で記録されています`,
          }),
          details,
        },
      ];
    }
    if (unreadable.length > 0) {
      const reasons = unreadable.map((trail) => `${trail.name} (${trail.statusError ?? ''})`).join(', ');
      return [
        {
          status: 'ERROR',
          ...regionResource(ctx),
          evidence: ctx.text({
            en: `Could not be evaluated: could not read the logging status of multi-region trail ${reasons}`,
            ja: `評価できませんでした: マルチリージョン証跡 ${reasons} のログ記録状態を取得できません`,
          }),
          details: { ...details, reason: reasons },
        },
      ];
    }
    return [
      {
        status: 'FAIL',
        ...regionResource(ctx),
        evidence:
          stopped.length > 0
            ? ctx.text({
                en: `No multi-region trail is logging in ${region}: logging is stopped on ${names(stopped)}`,
                ja: `${region} を記録しているマルチリージョン証跡がありません: ${names(stopped)} のログ記録は停止しています`,
              })
            : ctx.text({
                en: `No multi-region CloudTrail trail records ${region}`,
                ja: `${region} を記録するマルチリージョンの CloudTrail 証跡がありません`,
              }),
        details,
      },
    ];
  },
});
