import { ebsEncryptionByDefault } from '../../../src/collectors/ec2/ebs-encryption-by-default.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const ebsDefaultEncryption = defineCheck({
  id: 'ec2.ebs-default-encryption',
  service: 'ec2',
  severity: 'medium',
  cis: ['2.2.1'],
  securityHub: ['EC2.7'],
  fix: 'ec2.enable-ebs-default-encryption',
  scope: 'regional',
  needs: [ebsEncryptionByDefault],
  ...checkTexts(en, ja),
  evaluate([setting], ctx) {
    return [
      {
        status: setting.enabled ? 'PASS' : 'FAIL',
        region: ctx.region,
        resourceType: 'AWS::::Account',
        resourceId: ctx.accountId,
        evidence: setting.enabled
          ? ctx.text({ en: `EBS encryption by default is on in ${ctx.region}`, ja: `${ctx.region} では EBS のデフォルト暗号化が有効です` })
          : ctx.text({ en: `EBS encryption by default is off in ${ctx.region}`, ja: `${ctx.region} では EBS のデフォルト暗号化が無効です` }),
        details: { region: ctx.region, enabled: setting.enabled },
      },
    ];
  },
});
