// Turns on all four account-level Block Public Access settings (S3 Control), which override every bucket's
// policy and ACLs. Undo restores the previous four settings, or deletes the configuration if there was none.
import {
  DeletePublicAccessBlockCommand,
  GetPublicAccessBlockCommand,
  PutPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { hasErrorCode } from '../../src/aws/errors.ts';
import { NO_PUBLIC_ACCESS_BLOCK, publicAccessBlockConfig } from '../../src/collectors/s3/public-access-block.ts';
import { defineFix, type FixContext, FixError, readBack, requestIds, unverifiedNote } from '../../src/remediation/fix.ts';
import { ALL_ON, allOn, type BpaState, bpaStateSchema, sameBpa, settingsOff } from './s3-support.fix.ts';

function s3control(ctx: FixContext): S3ControlClient {
  return ctx.session.client(S3ControlClient, ctx.session.homeRegion);
}

async function readState(ctx: FixContext, accountId: string): Promise<BpaState> {
  try {
    const answer = await s3control(ctx).send(new GetPublicAccessBlockCommand({ AccountId: accountId }));
    return { configured: true, config: publicAccessBlockConfig(answer.PublicAccessBlockConfiguration) };
  } catch (err) {
    if (hasErrorCode(err, 'NoSuchPublicAccessBlockConfiguration')) return { configured: false, config: { ...NO_PUBLIC_ACCESS_BLOCK } };
    throw err;
  }
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
    if (allOn(current)) return { lines: [alreadyOn(accountId, ctx)], warnings: [], current, alreadyFixed: true };
    const off = settingsOff(current.config).join(', ');
    const lines = [
      ctx.text({
        en: `Turn on all four account-level Block Public Access settings of ${accountId} (now off: ${off}).`,
        ja: `${accountId} のアカウントレベルのブロックパブリックアクセスの 4 つの設定をすべて有効にします (現在無効: ${off})。`,
      }),
      current.configured
        ? ctx.text({ en: 'Undo restores the current four settings.', ja: '取り消し (Undo) では現在の 4 つの設定を復元します。' })
        : ctx.text({
            en: 'Undo deletes the configuration again (the account has none now).',
            ja: '取り消し (Undo) では設定を再び削除します (現在このアカウントには設定がありません)。',
          }),
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
    if (allOn(before)) return { status: 'no-change', before, after: before, requestIds: [], message: alreadyOn(accountId, ctx), verified: true };
    const answer = await write(ctx, accountId, { configured: true, config: ALL_ON });
    const check = await readBack(ctx, () => readState(ctx, accountId), allOn);
    return {
      status: 'applied',
      before,
      after: check.value,
      requestIds: requestIds(answer),
      message:
        ctx.text({
          en: `All four account-level Block Public Access settings of ${accountId} are on.`,
          ja: `${accountId} のアカウントレベルのブロックパブリックアクセスの 4 つの設定をすべて有効にしました。`,
        }) + unverifiedNote(check.verified, ctx),
      verified: check.verified,
    };
  },

  async undo(applied, ctx) {
    const before = bpaStateSchema.safeParse(applied.before);
    // A record whose before-state was already all on changed nothing, so there is nothing to put back.
    if (!before.success || allOn(before.data)) {
      throw new FixError({
        en: 'This record has no Block Public Access change to undo (the fix changed nothing)',
        ja: 'この記録には取り消すブロックパブリックアクセスの変更がありません (修正では何も変更していません)',
      });
    }
    const accountId = applied.finding.accountId;
    const now = await readState(ctx, accountId);
    if (sameBpa(now, before.data)) {
      return {
        status: 'no-change',
        before: now,
        after: now,
        requestIds: [],
        message: ctx.text({
          en: `Account-level Block Public Access of ${accountId} is already as it was before the fix. Nothing was changed.`,
          ja: `${accountId} のアカウントレベルのブロックパブリックアクセスはすでに修正前の状態です。何も変更していません。`,
        }),
        verified: true,
      };
    }
    const answer = await write(ctx, accountId, before.data);
    const check = await readBack(ctx, () => readState(ctx, accountId), (state) => sameBpa(state, before.data));
    return {
      status: 'undone',
      before: now,
      after: check.value,
      requestIds: requestIds(answer),
      message:
        ctx.text({
          en: `Restored the previous account-level Block Public Access settings of ${accountId}.`,
          ja: `${accountId} のアカウントレベルのブロックパブリックアクセスを以前の設定に戻しました。`,
        }) + unverifiedNote(check.verified, ctx),
      verified: check.verified,
    };
  },

  async reconcile(finding, _inputs, ctx) {
    const current = await readState(ctx, finding.accountId);
    return allOn(current)
      ? {
          state: 'changed',
          current,
          message: ctx.text({
            en: 'Account-level Block Public Access is fully on: the fix was applied before the interruption.',
            ja: 'アカウントレベルのブロックパブリックアクセスはすべて有効です。中断の前に修正は適用されていました。',
          }),
        }
      : {
          state: 'unchanged',
          current,
          message: ctx.text({
            en: 'Account-level Block Public Access is still not fully on: the fix was not applied.',
            ja: 'アカウントレベルのブロックパブリックアクセスはまだすべて有効ではありません。修正は適用されていません。',
          }),
        };
  },
});
