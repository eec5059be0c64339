// Turns on all four account-level Block Public Access settings (S3 Control), which override every bucket's
// policy and ACLs. Undo restores the previous four settings, or deletes the configuration if there was none.
import {
  DeletePublicAccessBlockCommand,
  GetPublicAccessBlockCommand,
  PutPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { defineFix, type FixContext } from '../../../src/remediation/fix.ts';
import { noChange, nothingToPreview, reconciled, writeAndVerify } from '../../../src/remediation/fix-steps.ts';
import { ALL_ON, allOn, type BpaState, bpaUndoLine, readBpa, recordedBpa, sameBpa, settingsOff } from '../lib/fix-client.ts';

function s3control(ctx: FixContext): S3ControlClient {
  return ctx.session.client(S3ControlClient, ctx.session.homeRegion);
}

async function readState(ctx: FixContext, accountId: string): Promise<BpaState> {
  return readBpa(() => s3control(ctx).send(new GetPublicAccessBlockCommand({ AccountId: accountId })));
}

async function write(ctx: FixContext, accountId: string, state: BpaState) {
  return state.configured
    ? s3control(ctx).send(new PutPublicAccessBlockCommand({ AccountId: accountId, PublicAccessBlockConfiguration: state.config }))
    : s3control(ctx).send(new DeletePublicAccessBlockCommand({ AccountId: accountId }));
}

function alreadyOn(accountId: string, ctx: FixContext): string {
  return ctx.text({
    en: `All four account-level Block Public Access settings of ${accountId} are already on. Nothing was changed.`,
    ja: `${accountId} のアカウントレベルのブロックパブリックアクセスの 4 つの設定はすでにすべて有効です。何も変更していません。`,
  });
}

export const accountPublicAccessBlockFix = defineFix({
  id: 's3.block-account-public-access',
  checkIds: ['s3.account-public-access-block'],
  title: { en: 'Turn on account-level S3 Block Public Access', ja: 'アカウントレベルの S3 ブロックパブリックアクセスを有効にする' },
  actions: {
    read: ['s3:GetAccountPublicAccessBlock'],
    write: ['s3:PutAccountPublicAccessBlock'],
  },

  async preview(finding, ctx) {
    const accountId = finding.accountId;
    const current = await readState(ctx, accountId);
    if (allOn(current)) return nothingToPreview(current, alreadyOn(accountId, ctx));
    const off = settingsOff(current.config).join(', ');
    const lines = [
      ctx.text({
        en: `Turn on all four account-level Block Public Access settings of ${accountId} (now off: ${off}).`,
        ja: `${accountId} のアカウントレベルのブロックパブリックアクセスの 4 つの設定をすべて有効にします (現在無効: ${off})。`,
      }),
      bpaUndoLine(current, { en: 'account', ja: 'アカウント' }, ctx),
    ];
    const warnings = [
      ctx.text({
        en: 'This applies to every bucket and access point in the account: any bucket meant to be public (a static website, public downloads) stops being public. Move such content behind CloudFront with origin access control first.',
        ja: 'この設定はアカウント内のすべてのバケットとアクセスポイントに適用されます。公開を意図したバケット (静的ウェブサイト、公開ダウンロード) も公開されなくなります。先にそのようなコンテンツをオリジンアクセスコントロール (OAC) を使った CloudFront の背後に移してください。',
      }),
    ];
    return { lines, warnings, current, alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const accountId = finding.accountId;
    const before = await readState(ctx, accountId);
    if (allOn(before)) return noChange(before, alreadyOn(accountId, ctx));
    return writeAndVerify(ctx, {
      status: 'applied',
      before,
      write: () => write(ctx, accountId, { configured: true, config: ALL_ON }),
      read: () => readState(ctx, accountId),
      done: allOn,
      message: ctx.text({
        en: `All four account-level Block Public Access settings of ${accountId} are on.`,
        ja: `${accountId} のアカウントレベルのブロックパブリックアクセスの 4 つの設定をすべて有効にしました。`,
      }),
    });
  },

  async undo(applied, ctx) {
    const before = recordedBpa(applied.before);
    const accountId = applied.finding.accountId;
    const now = await readState(ctx, accountId);
    if (sameBpa(now, before)) {
      return noChange(
        now,
        ctx.text({
          en: `Account-level Block Public Access of ${accountId} is already as it was before the fix. Nothing was changed.`,
          ja: `${accountId} のアカウントレベルのブロックパブリックアクセスはすでに修正前の状態です。何も変更していません。`,
        }),
      );
    }
    return writeAndVerify(ctx, {
      status: 'undone',
      before: now,
      write: () => write(ctx, accountId, before),
      read: () => readState(ctx, accountId),
      done: (state) => sameBpa(state, before),
      message: ctx.text({
        en: `Restored the previous account-level Block Public Access settings of ${accountId}.`,
        ja: `${accountId} のアカウントレベルのブロックパブリックアクセスを以前の設定に戻しました。`,
      }),
    });
  },

  async reconcile(finding, _inputs, ctx) {
    const current = await readState(ctx, finding.accountId);
    return reconciled(allOn(current), current, {
      applied: ctx.text({
        en: 'Account-level Block Public Access is fully on: the fix was applied before the interruption.',
        ja: 'アカウントレベルのブロックパブリックアクセスはすべて有効です。中断の前に修正は適用されていました。',
      }),
      notApplied: ctx.text({
        en: 'Account-level Block Public Access is still not fully on: the fix was not applied.',
        ja: 'アカウントレベルのブロックパブリックアクセスはまだすべて有効ではありません。修正は適用されていません。',
      }),
    });
  },
});
