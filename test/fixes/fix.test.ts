import { describe, expect, it } from 'vitest';
import { ebsDefaultEncryptionFix } from '../../checks/ec2/ebs-default-encryption/fix.ts';
import {
  combineDryRuns,
  describeFixError,
  FixError,
  readBack,
  requestIds,
  tryDryRun,
  validateInputs,
} from '../../src/remediation/fix.ts';
import { awsError, fixContext } from './helpers.ts';

describe('the fix interface helpers', () => {
  it('reads a dry run the way EC2 answers it', async () => {
    await expect(tryDryRun(() => Promise.reject(awsError('DryRunOperation')))).resolves.toEqual({ ok: true });
    await expect(tryDryRun(() => Promise.reject(awsError('UnauthorizedOperation', 'You are not authorized')))).resolves.toEqual({
      ok: false,
      error: 'UnauthorizedOperation: You are not authorized',
    });
    expect(combineDryRuns([{ ok: true }, { ok: false, error: 'x' }])).toEqual({ ok: false, error: 'x' });
    expect(combineDryRuns([])).toEqual({ ok: true });
  });

  it('collects request ids and skips answers without one', () => {
    expect(requestIds({ $metadata: { requestId: 'a' } }, undefined, { $metadata: {} }, { $metadata: { requestId: 'b' } })).toEqual(['a', 'b']);
  });

  it('reads back until the change shows, and says when it never did', async () => {
    const ctx = fixContext();
    let reads = 0;
    await expect(readBack(ctx, async () => ++reads, (n) => n >= 2)).resolves.toEqual({ value: 2, verified: true });
    await expect(readBack(ctx, async () => 'stale', () => false)).resolves.toEqual({ value: 'stale', verified: false });
  });

  it('words errors for people: ours in their language, AWS errors as AWS wrote them', () => {
    const ours = new FixError({ en: 'refused', ja: '拒否しました' });
    expect(describeFixError(ours, 'ja')).toBe('拒否しました');
    expect(describeFixError(ours, 'en')).toBe('refused');
    expect(describeFixError(awsError('AccessDenied', 'no'), 'ja')).toBe('AccessDenied: no');
  });

  it('gives fixes without inputs an empty object, whatever arrives', () => {
    expect(validateInputs(ebsDefaultEncryptionFix, undefined)).toEqual({ ok: true, inputs: {} });
  });
});
