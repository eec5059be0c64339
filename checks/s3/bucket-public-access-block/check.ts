import { bucketPublicAccessBlock as bucketBpa } from '../../../src/collectors/s3/bucket-public-access-block.ts';
import { defineBucketCheck, settingsOff } from '../lib/bucket-results.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const bucketPublicAccessBlock = defineBucketCheck({
  ...checkFolder(meta, en, ja),
  reads: bucketBpa,
  judge: (bucket, state, ctx) => {
    const off = settingsOff(state.config);
    const evidence = !state.configured
      ? ctx.say('notConfigured', { bucket: bucket.name })
      : off.length > 0
        ? ctx.say('settingsOff', { bucket: bucket.name, settings: off })
        : ctx.say('allOn', { bucket: bucket.name });
    return {
      status: off.length === 0 ? 'PASS' : 'FAIL',
      evidence,
      details: { configured: state.configured, publicAccessBlock: state.config, settingsOff: off },
    };
  },
});
