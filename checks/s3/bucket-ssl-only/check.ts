import { bucketPolicy } from '../../../src/collectors/s3/bucket-policy.ts';
import { bucketError, defineBucketCheck } from '../lib/bucket-results.ts';
import { tlsDenyCoverage } from '../lib/tls-deny.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const bucketSslOnly = defineBucketCheck({
  ...checkFolder(meta, en, ja),
  reads: bucketPolicy,
  judge: (bucket, policy, ctx) => {
    const name = bucket.name;
    if (policy === null) {
      return {
        status: 'FAIL',
        evidence: ctx.say('noPolicy', { bucket: name }),
        details: { hasPolicy: false, coversBucket: false, coversObjects: false, statements: [] },
      };
    }
    const coverage = tlsDenyCoverage(policy, bucket.arn);
    if (!coverage.ok) return bucketError(bucket, coverage.error, ctx);
    const { bucket: coversBucket, objects: coversObjects, statements } = coverage.value;
    const details = { hasPolicy: true, coversBucket, coversObjects, statements };
    if (coversBucket && coversObjects) {
      return {
        status: 'PASS',
        evidence: ctx.say('denied', { bucket: name }),
        details,
      };
    }
    const evidence = coversBucket
      ? ctx.say('bucketOnly', { bucket: name })
      : coversObjects
        ? ctx.say('objectsOnly', { bucket: name })
        : ctx.say('noDeny', { bucket: name });
    return { status: 'FAIL', evidence, details };
  },
});
