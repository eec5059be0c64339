// Requires IMDSv2 (session tokens) on one instance, so a server-side request forgery can no longer read the
// instance role's credentials with a plain GET. Only HttpTokens changes; undo sets it back to optional.
import { DescribeInstancesCommand, ModifyInstanceMetadataOptionsCommand } from '@aws-sdk/client-ec2';
import { hasErrorCode } from '../../../src/aws/errors.ts';
import { defineFix, type FixContext, FixError, dryRunWarning, tryDryRun } from '../../../src/remediation/fix.ts';
import { goneBeforeUndo, noChange, noLongerExists, nothingToPreview, writeAndVerify } from '../../../src/remediation/fix-steps.ts';
import { z } from 'zod';
import { ec2Client, ec2IdOf, type Ec2IdKind, requireEc2Id } from '../lib/fix-client.ts';

const INSTANCE: Ec2IdKind = { detailsKey: 'instanceId', pattern: /^i-[0-9a-f]+$/, name: { en: 'an instance id', ja: 'インスタンス ID' } };

const instanceName = (instanceId: string) => ({ en: `Instance ${instanceId}`, ja: `インスタンス ${instanceId}` });

const stateSchema = z.object({ instanceId: z.string(), httpTokens: z.string() });
type MetadataState = z.infer<typeof stateSchema>;

interface LiveInstance extends MetadataState {
  name?: string;
  hopLimit?: number;
  httpEndpoint?: string;
}

/** The instance's metadata options now; undefined once it is terminated or gone. */
async function readInstance(ctx: FixContext, region: string, instanceId: string): Promise<LiveInstance | undefined> {
  try {
    const answer = await ec2Client(ctx, region).send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    const instance = answer.Reservations?.flatMap((r) => r.Instances ?? []).find((i) => i.InstanceId === instanceId);
    const state = instance?.State?.Name;
    if (!instance || state === 'terminated' || state === 'shutting-down') return undefined;
    const options = instance.MetadataOptions;
    if (!options?.HttpTokens) throw new Error(`DescribeInstances answered without MetadataOptions.HttpTokens for ${instanceId}`);
    const name = instance.Tags?.find((t) => t.Key === 'Name')?.Value;
    return {
      instanceId,
      httpTokens: options.HttpTokens,
      ...(name ? { name } : {}),
      ...(options.HttpPutResponseHopLimit === undefined ? {} : { hopLimit: options.HttpPutResponseHopLimit }),
      ...(options.HttpEndpoint ? { httpEndpoint: options.HttpEndpoint } : {}),
    };
  } catch (err) {
    if (hasErrorCode(err, 'InvalidInstanceID.NotFound', 'InvalidInstanceID.Malformed')) return undefined;
    throw err;
  }
}

const state = (live: LiveInstance): MetadataState => ({ instanceId: live.instanceId, httpTokens: live.httpTokens });

function label(live: LiveInstance): string {
  return live.name ? `${live.instanceId} (${live.name})` : live.instanceId;
}

/** Gone, already requiring tokens, or with no metadata service at all (the check passes that too). */
function settled(live: LiveInstance | undefined): boolean {
  return !live || live.httpTokens === 'required' || live.httpEndpoint === 'disabled';
}

function nothingToDo(instanceId: string, live: LiveInstance | undefined, ctx: FixContext): string {
  if (!live) return noLongerExists(instanceName(instanceId), ctx);
  if (live.httpTokens !== 'required') {
    return ctx.text({
      en: `${label(live)} has the metadata service turned off, so IMDSv1 cannot answer. Nothing was changed.`,
      ja: `${label(live)} はメタデータサービスが無効なため、IMDSv1 は応答しません。何も変更していません。`,
    });
  }
  return ctx.text({
    en: `${label(live)} already requires IMDSv2. Nothing was changed.`,
    ja: `${label(live)} はすでに IMDSv2 必須です。何も変更していません。`,
  });
}

async function setTokens(ctx: FixContext, region: string, instanceId: string, httpTokens: 'required' | 'optional', dryRun = false) {
  return ec2Client(ctx, region).send(
    new ModifyInstanceMetadataOptionsCommand({ InstanceId: instanceId, HttpTokens: httpTokens, ...(dryRun ? { DryRun: true } : {}) }),
  );
}

export const imdsv2Fix = defineFix({
  id: 'ec2.require-imdsv2',
  checkIds: ['ec2.imdsv2-not-required'],
  title: { en: 'Require IMDSv2 on the instance', ja: 'インスタンスで IMDSv2 を必須にする' },
  actions: {
    read: ['ec2:DescribeInstances'],
    write: ['ec2:ModifyInstanceMetadataOptions'],
  },
  supports: (finding) => ec2IdOf(finding, INSTANCE) !== undefined,

  async preview(finding, ctx) {
    const instanceId = requireEc2Id(finding, INSTANCE);
    const live = await readInstance(ctx, finding.region, instanceId);
    if (settled(live) || !live) return nothingToPreview(live ? state(live) : null, nothingToDo(instanceId, live, ctx));
    const lines = [
      ctx.text({
        en: `Set HttpTokens to required on ${label(live)} (now ${live.httpTokens}): the metadata service then answers only requests with a session token. Other metadata settings stay as they are.`,
        ja: `${label(live)} の HttpTokens を required に設定します (現在: ${live.httpTokens})。以後、メタデータサービスはセッショントークン付きのリクエストにのみ応答します。その他のメタデータ設定は変更しません。`,
      }),
      ctx.text({ en: 'Undo sets HttpTokens back to optional.', ja: '取り消し (Undo) では HttpTokens を optional に戻します。' }),
    ];
    const warnings = [
      ctx.text({
        en: "Software on the instance that still uses IMDSv1 (old AWS SDKs or CLI, scripts calling 169.254.169.254 without a token) will no longer get credentials. Check the instance's CloudWatch metric MetadataNoToken is 0 first.",
        ja: 'インスタンス上で IMDSv1 をまだ使っているソフトウェア (古い AWS SDK や CLI、トークンなしで 169.254.169.254 を呼ぶスクリプト) は認証情報を取得できなくなります。先にインスタンスの CloudWatch メトリクス MetadataNoToken が 0 であることを確認してください。',
      }),
    ];
    if (live.hopLimit === 1) {
      warnings.push(
        ctx.text({
          en: 'The hop limit is 1: containers on this instance that read instance metadata need a limit of 2 with IMDSv2.',
          ja: 'ホップ制限が 1 です。このインスタンス上のコンテナがインスタンスメタデータを読む場合、IMDSv2 ではホップ制限 2 が必要です。',
        }),
      );
    }
    const dryRun = await tryDryRun(() => setTokens(ctx, finding.region, instanceId, 'required', true));
    return { lines, warnings: [...warnings, ...dryRunWarning(dryRun, ctx)], dryRun, current: state(live), alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const instanceId = requireEc2Id(finding, INSTANCE);
    const region = finding.region;
    const live = await readInstance(ctx, region, instanceId);
    if (settled(live) || !live) return noChange(live ? state(live) : null, nothingToDo(instanceId, live, ctx));
    return writeAndVerify(ctx, {
      status: 'applied',
      before: state(live),
      write: () => setTokens(ctx, region, instanceId, 'required'),
      read: () => readInstance(ctx, region, instanceId),
      done: (now) => now?.httpTokens === 'required',
      record: (now) => (now ? state(now) : null),
      message: ctx.text({
        en: `${label(live)} now requires IMDSv2 (HttpTokens required).`,
        ja: `${label(live)} で IMDSv2 を必須にしました (HttpTokens required)。`,
      }),
    });
  },

  async undo(applied, ctx) {
    const before = stateSchema.safeParse(applied.before);
    if (!before.success) {
      throw new FixError({
        en: 'This record has no metadata setting to put back (the fix changed nothing)',
        ja: 'この記録には元に戻すメタデータ設定がありません (修正では何も変更していません)',
      });
    }
    const { instanceId, httpTokens } = before.data;
    const region = applied.finding.region;
    const live = await readInstance(ctx, region, instanceId);
    if (!live) throw goneBeforeUndo(instanceName(instanceId));
    const target = httpTokens === 'required' ? 'required' : 'optional';
    if (live.httpTokens === target) {
      return noChange(
        state(live),
        ctx.text({
          en: `${label(live)} already has HttpTokens ${target}. Nothing was changed.`,
          ja: `${label(live)} の HttpTokens はすでに ${target} です。何も変更していません。`,
        }),
      );
    }
    return writeAndVerify(ctx, {
      status: 'undone',
      before: state(live),
      write: () => setTokens(ctx, region, instanceId, target),
      read: () => readInstance(ctx, region, instanceId),
      done: (now) => now?.httpTokens === target,
      record: (now) => (now ? state(now) : null),
      message: ctx.text({
        en: `${label(live)} has HttpTokens ${target} again (IMDSv1 answers too).`,
        ja: `${label(live)} の HttpTokens を ${target} に戻しました (IMDSv1 も応答します)。`,
      }),
    });
  },

  async reconcile(finding, _inputs, ctx) {
    const instanceId = requireEc2Id(finding, INSTANCE);
    const live = await readInstance(ctx, finding.region, instanceId);
    const current = live ? state(live) : null;
    if (live?.httpTokens === 'required') {
      return {
        state: 'changed',
        current,
        message: ctx.text({
          en: `${label(live)} requires IMDSv2: the fix was applied before the interruption.`,
          ja: `${label(live)} は IMDSv2 必須になっています。中断の前に修正は適用されていました。`,
        }),
      };
    }
    return {
      state: 'unchanged',
      current,
      message: ctx.text({
        en: `${instanceId} does not require IMDSv2${live ? '' : ' (the instance is gone)'}: the fix was not applied.`,
        ja: `${instanceId} は IMDSv2 必須になっていません${live ? '' : ' (インスタンスは存在しません)'}。修正は適用されていません。`,
      }),
    };
  },
});
