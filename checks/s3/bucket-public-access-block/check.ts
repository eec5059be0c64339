import { bucketPublicAccessBlock as bucketBpa } from '../../../src/collectors/s3/bucket-public-access-block.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { judgeBuckets, settingsOff } from '../lib/bucket-results.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const bucketPublicAccessBlock = defineCheck({
  id: 's3.bucket-public-access-block',
  service: 's3',
  severity: 'medium',
  cis: ['2.1.4'],
  securityHub: ['S3.8'],
  fix: 's3.block-bucket-public-access',
  scope: 'global',
  needs: [bucketBpa],
  ...checkTexts(en, ja),
  evaluate([outcomes], ctx) {
    return judgeBuckets(outcomes, ctx, (bucket, state) => {
      const off = settingsOff(state.config);
      const evidence = !state.configured
        ? ctx.text({
            en: `Bucket ${bucket.name} has no Block Public Access configuration (all four settings are off)`,
            ja: `バケット ${bucket.name} にブロックパブリックアクセスが設定されていません (4 つの設定がすべて無効)`,
          })
        : off.length > 0
          ? ctx.text({
              en: `Bucket ${bucket.name} has Block Public Access ${off.join(', ')} off`,
              ja: `バケット ${bucket.name} のブロックパブリックアクセスで ${off.join('、')} が無効です`,
            })
          : ctx.text({
              en: `Bucket ${bucket.name} has all four Block Public Access settings on`,
              ja: `バケット ${bucket.name} のブロックパブリックアクセスの 4 つの設定はすべて有効です`,
            });
      return {
        status: off.length === 0 ? 'PASS' : 'FAIL',
        evidence,
        details: { configured: state.configured, publicAccessBlock: state.config, settingsOff: off },
      };
    });
  },
});
