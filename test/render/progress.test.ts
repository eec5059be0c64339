import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/render/progress.ts';
import { renderScanning } from '../../src/slack/render/progress.ts';

describe('progressLine', () => {
  const progress = {
    iam: { done: 3, total: 3, unit: 'checks', finished: true },
    s3: { done: 4, total: 12, unit: 'buckets', finished: false },
    ec2: { done: 2, total: 17, unit: 'regions', finished: false },
    detect: { done: 0, total: 0, unit: 'checks', finished: false },
  };

  it('reads like "IAM done · S3 4/12 buckets · EC2 2/17 regions"', () => {
    expect(progressLine(progress, 'en')).toBe('IAM done · S3 4/12 buckets · EC2 2/17 regions · Detection starting');
  });

  it('speaks Japanese', () => {
    expect(progressLine(progress, 'ja')).toBe('IAM 完了 · S3 4/12 バケット · EC2 2/17 リージョン · 脅威検出 開始');
  });

  it('builds the scanning message with its scope', () => {
    const message = renderScanning('s3 · all accounts', progress, 'en');
    expect(message.text).toContain('Scanning');
    expect(JSON.stringify(message.blocks)).toContain('Scope: s3 · all accounts');
    expect(JSON.stringify(message.blocks)).toContain('EC2 2/17 regions');
  });
});
