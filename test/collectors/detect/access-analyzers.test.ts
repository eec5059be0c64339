import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { accessAnalyzers } from '../../../src/collectors/detect/access-analyzers.ts';
import { servePages } from '../serve-pages.ts';
import { awsError, collectContext } from './context.ts';

const analyzer = mockClient(AccessAnalyzerClient);
afterEach(() => analyzer.reset());

const ARN = 'arn:aws:access-analyzer:eu-west-1:123456789012:analyzer';
const created = new Date('2026-01-01T00:00:00Z');

describe('accessAnalyzers', () => {
  it('pages through every analyzer type in one listing', async () => {
    const sent = servePages(
      analyzer,
      ListAnalyzersCommand,
      [
        { analyzers: [{ arn: `${ARN}/unused`, name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE', createdAt: created }] },
        { analyzers: [{ arn: `${ARN}/external`, name: 'external', type: 'ACCOUNT', status: 'ACTIVE', createdAt: created }] },
      ],
      { token: 'nextToken' },
    );
    const { ctx, destroy } = collectContext('eu-west-1');

    await expect(accessAnalyzers.collect(ctx)).resolves.toEqual({
      available: true,
      analyzers: [
        { arn: `${ARN}/unused`, name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE' },
        { arn: `${ARN}/external`, name: 'external', type: 'ACCOUNT', status: 'ACTIVE' },
      ],
    });
    expect(sent).toHaveLength(2);
    expect(sent[0]).not.toHaveProperty('type');
    destroy();
  });

  it('notes an account not subscribed in the region', async () => {
    analyzer.on(ListAnalyzersCommand).rejects(awsError('SubscriptionRequiredException', 'The AWS Access Key Id needs a subscription for the service'));
    const { ctx, notes, destroy } = collectContext('eu-south-2');
    await expect(accessAnalyzers.collect(ctx)).resolves.toEqual({
      available: false,
      reason: 'the account is not subscribed to it in eu-south-2',
    });
    expect(notes[0]).toContain('IAM Access Analyzer is not available in eu-south-2');
    destroy();
  });

  it('fails on an analyzer without a status', async () => {
    analyzer.on(ListAnalyzersCommand).resolves({ analyzers: [{ arn: ARN, name: 'a', type: 'ACCOUNT', status: undefined, createdAt: created }] });
    const { ctx, destroy } = collectContext('eu-west-1');
    await expect(accessAnalyzers.collect(ctx)).rejects.toThrow('without arn, name, type or status');
    destroy();
  });
});
