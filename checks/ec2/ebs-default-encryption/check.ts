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
        evidence: setting.enabled ? ctx.say('on', { region: ctx.region }) : ctx.say('off', { region: ctx.region }),
        details: { region: ctx.region, enabled: setting.enabled },
      },
    ];
  },
});
