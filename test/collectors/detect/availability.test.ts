import { describe, expect, it } from 'vitest';
import { unavailableReason, whereAvailable } from '../../../src/collectors/detect/availability.ts';
import { awsError, collectContext, dnsNotFound } from './context.ts';

describe('unavailableReason', () => {
  it('recognises a service endpoint that does not exist in the region', () => {
    expect(unavailableReason(dnsNotFound('inspector2.ap-southeast-5.amazonaws.com'), 'ap-southeast-5')?.en).toBe(
      'it has no endpoint in ap-southeast-5',
    );
  });

  it('recognises the DNS failure when the SDK wraps it as a cause', () => {
    const wrapped = new Error('request failed', { cause: dnsNotFound('guardduty.me-central-1.amazonaws.com') });
    expect(unavailableReason(wrapped, 'me-central-1')).toBeDefined();
  });

  it('recognises "not subscribed" answers', () => {
    expect(unavailableReason(awsError('SubscriptionRequiredException', 'needs a subscription'), 'eu-west-1')?.en).toContain(
      'not subscribed',
    );
    expect(unavailableReason(awsError('OptInRequired', 'You are not subscribed'), 'eu-west-1')).toBeDefined();
  });

  it('keeps ordinary failures as failures', () => {
    // Another host (an endpoint override, a proxy) failing to resolve says nothing about the region.
    expect(unavailableReason(dnsNotFound('localstack.internal'), 'eu-west-1')).toBeUndefined();
    expect(unavailableReason(Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' }), 'eu-west-1')).toBeUndefined();
    expect(unavailableReason(awsError('AccessDeniedException', 'not authorized'), 'eu-west-1')).toBeUndefined();
    expect(unavailableReason(awsError('ThrottlingException', 'slow down'), 'eu-west-1')).toBeUndefined();
  });
});

describe('whereAvailable', () => {
  it('returns the inventory when the service answers', async () => {
    const { ctx, notes, destroy } = collectContext('eu-west-1');
    await expect(whereAvailable(ctx, 'Amazon GuardDuty', async () => ({ detectors: [] }))).resolves.toEqual({
      available: true,
      detectors: [],
    });
    expect(notes).toEqual([]);
    destroy();
  });

  it('turns "not available here" into a note in the configured locale', async () => {
    const { ctx, notes, destroy } = collectContext('ap-southeast-5', { locale: 'ja' });
    const answer = await whereAvailable(ctx, 'Amazon Inspector', () =>
      Promise.reject(dnsNotFound('inspector2.ap-southeast-5.amazonaws.com')),
    );
    expect(answer).toEqual({ available: false, reason: 'it has no endpoint in ap-southeast-5' });
    expect(notes).toEqual([
      'Amazon Inspector は ap-southeast-5 では利用できません (ap-southeast-5 にエンドポイントがありません)。このリージョンのチェックはスキップしました。',
    ]);
    destroy();
  });

  it('rethrows anything else so the engine reports ERROR', async () => {
    const { ctx, notes, destroy } = collectContext('eu-west-1');
    await expect(
      whereAvailable(ctx, 'Amazon GuardDuty', () => Promise.reject(awsError('AccessDeniedException', 'not authorized'))),
    ).rejects.toThrow('not authorized');
    expect(notes).toEqual([]);
    destroy();
  });
});
