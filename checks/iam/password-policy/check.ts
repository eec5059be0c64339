import { passwordPolicy } from '../../../src/collectors/iam/password-policy.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { Message } from '../../../src/i18n/message.ts';
import { accountTarget } from '../lib/resources.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

/** CIS 1.8 and 1.9; Security Hub IAM.15 and IAM.16 ask for the same numbers. */
export const REQUIRED_MIN_LENGTH = 14;
export const REQUIRED_REUSE_PREVENTION = 24;

export const passwordPolicyCheck = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [passwordPolicy],
  evaluate([policy], ctx) {
    const problems: Message[] = [];
    const length = policy?.MinimumPasswordLength ?? 0;
    const reuse = policy?.PasswordReusePrevention ?? 0;
    const needs = { minLength: REQUIRED_MIN_LENGTH, minReuse: REQUIRED_REUSE_PREVENTION };
    if (!policy) {
      problems.push(ctx.say('noPolicy'));
    } else {
      if (length < REQUIRED_MIN_LENGTH) problems.push(ctx.say('tooShort', { ...needs, length }));
      if (reuse < REQUIRED_REUSE_PREVENTION) {
        problems.push(reuse === 0 ? ctx.say('reuseAllowed', needs) : ctx.say('reuseLimited', { ...needs, count: reuse }));
      }
    }
    const [first, second] = problems;
    const evidence = second
      ? ctx.say('twoProblems', { first: first!, second })
      : first
        ? ctx.say('oneProblem', { problem: first })
        : ctx.say('strong', { length, count: reuse });
    return [
      {
        status: problems.length > 0 ? 'FAIL' : 'PASS',
        ...accountTarget(ctx),
        evidence,
        // The current policy travels with the result so a fix can restore it exactly (null: there was none).
        details: {
          policy: policy ? { ...policy } : null,
          required: { minimumPasswordLength: REQUIRED_MIN_LENGTH, passwordReusePrevention: REQUIRED_REUSE_PREVENTION },
        },
      },
    ];
  },
});
