// Turns on all four account-level Block Public Access settings (S3 Control), which override every bucket's
// policy and ACLs. Undo restores the previous four settings, or deletes the configuration if there was none.
import {
  DeletePublicAccessBlockCommand,
  GetPublicAccessBlockCommand,
  PutPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import type { CheckResult } from '../../../src/engine/types.ts';
import { defineFix, type FixContext } from '../../../src/remediation/fix.ts';
import { fixWords } from '../../lib/words.ts';
import { type BpaHolder, bpaSteps } from '../lib/fix-bpa.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

/** The finding's account and its account-level configuration, through S3 Control in the home region. */
function accountConfiguration(finding: CheckResult, ctx: FixContext): BpaHolder {
  const s3control = ctx.session.client(S3ControlClient, ctx.session.homeRegion);
  const target = { AccountId: finding.accountId };
  const named = { account: finding.accountId };
  return {
    get: () => s3control.send(new GetPublicAccessBlockCommand(target)),
    put: (config) => s3control.send(new PutPublicAccessBlockCommand({ ...target, PublicAccessBlockConfiguration: config })),
    remove: () => s3control.send(new DeletePublicAccessBlockCommand(target)),
    alreadyOn: () => ctx.say('alreadyOn', named),
    plan: (off) => ctx.say('plan', { ...named, off }),
    undoDeletes: () => ctx.say('undoDeletes'),
    warnings: async () => [ctx.say('everyBucket')],
    applied: () => ctx.say('applied', named),
    alreadyAsBefore: () => ctx.say('alreadyAsBefore', named),
    restored: () => ctx.say('restored', named),
    reconciledApplied: () => ctx.say('reconciledApplied'),
    reconciledNotApplied: () => ctx.say('reconciledNotApplied'),
  };
}

export const accountPublicAccessBlockFix = defineFix({
  id: 's3.block-account-public-access',
  checkIds: ['s3.account-public-access-block'],
  words: fixWords(en, ja),
  actions: {
    read: ['s3:GetAccountPublicAccessBlock'],
    write: ['s3:PutAccountPublicAccessBlock'],
  },
  ...bpaSteps(accountConfiguration),
});
