import { bucketLogging } from '../../../src/collectors/s3/bucket-logging.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { judgeBuckets } from '../lib/bucket-results.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const bucketAccessLogging = defineCheck({
  id: 's3.bucket-access-logging',
  service: 's3',
  severity: 'low',
  cis: [],
  securityHub: ['S3.9'],
  scope: 'global',
  needs: [bucketLogging],
  ...checkTexts(en, ja),
  evaluate([outcomes], ctx) {
    return judgeBuckets(outcomes, ctx, (bucket, logging) => {
      const name = bucket.name;
      if (!logging.enabled) {
        return {
          status: 'FAIL',
          evidence: ctx.say('noLogging', { bucket: name }),
          details: { logging: false },
        };
      }
      const target = `${logging.targetBucket ?? ''}/${logging.targetPrefix ?? ''}`;
      return {
        status: 'PASS',
        evidence: ctx.say('logging', { bucket: name, target }),
        details: { logging: true, targetBucket: logging.targetBucket, targetPrefix: logging.targetPrefix },
      };
    });
  },
});
