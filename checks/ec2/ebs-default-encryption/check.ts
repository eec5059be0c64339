import { ebsEncryptionByDefault } from '../../../src/collectors/ec2/ebs-encryption-by-default.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { accountResource } from '../../lib/account.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const ebsDefaultEncryption = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [ebsEncryptionByDefault],
  evaluate([setting], ctx) {
    return [
      {
        status: setting.enabled ? 'PASS' : 'FAIL',
        ...accountResource(ctx, ctx.region),
        evidence: setting.enabled ? ctx.say('on', { region: ctx.region }) : ctx.say('off', { region: ctx.region }),
        details: { region: ctx.region, enabled: setting.enabled },
      },
    ];
  },
});
