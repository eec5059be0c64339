import { bucketLogging } from '../../../src/collectors/s3/bucket-logging.ts';
import { defineBucketCheck } from '../lib/bucket-results.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const bucketAccessLogging = defineBucketCheck({
  id: 's3.bucket-access-logging',
  severity: 'low',
  cis: [],
  securityHub: ['S3.9'],
  reads: bucketLogging,
  words: { en, ja },
  judge: (bucket, logging, ctx) => {
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
  },
});
