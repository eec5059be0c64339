import { bucketLogging } from '../../../src/collectors/s3/bucket-logging.ts';
import { defineBucketCheck } from '../lib/bucket-results.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const bucketAccessLogging = defineBucketCheck({
  ...checkFolder(meta, en, ja),
  reads: bucketLogging,
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
