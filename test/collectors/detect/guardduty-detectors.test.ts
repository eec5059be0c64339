import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { guardDutyDetectors } from '../../../src/collectors/detect/guardduty-detectors.ts';
import { servePages } from '../serve-pages.ts';
import { awsError, collectContext, dnsNotFound } from './context.ts';

const guardduty = mockClient(GuardDutyClient);
afterEach(() => guardduty.reset());

describe('guardDutyDetectors', () => {
  it('pages through ListDetectors and reads each detector', async () => {
    const listed = servePages(guardduty, ListDetectorsCommand, [{ DetectorIds: ['d-1'] }, { DetectorIds: ['d-2'] }]);
    guardduty
      .on(GetDetectorCommand, { DetectorId: 'd-1' })
      .resolves({ Status: 'DISABLED', ServiceRole: 'r' })
      .on(GetDetectorCommand, { DetectorId: 'd-2' })
      .resolves({ Status: 'ENABLED', ServiceRole: 'r' });
    const { ctx, notes, destroy } = collectContext('eu-west-1');

    await expect(guardDutyDetectors.collect(ctx)).resolves.toEqual({
      available: true,
      detectors: [
        { id: 'd-1', status: 'DISABLED' },
        { id: 'd-2', status: 'ENABLED' },
      ],
    });
    expect(listed).toHaveLength(2);
    expect(guardduty.commandCalls(GetDetectorCommand)).toHaveLength(2);
    expect(notes).toEqual([]);
    destroy();
  });

  it('answers a region without detectors with an empty list and no GetDetector call', async () => {
    guardduty.on(ListDetectorsCommand).resolves({ DetectorIds: [] });
    const { ctx, destroy } = collectContext('eu-west-1');
    await expect(guardDutyDetectors.collect(ctx)).resolves.toEqual({ available: true, detectors: [] });
    expect(guardduty.commandCalls(GetDetectorCommand)).toHaveLength(0);
    destroy();
  });

  it('notes a region where GuardDuty has no endpoint', async () => {
    guardduty.on(ListDetectorsCommand).rejects(dnsNotFound('guardduty.ap-southeast-7.amazonaws.com'));
    const { ctx, notes, destroy } = collectContext('ap-southeast-7');
    await expect(guardDutyDetectors.collect(ctx)).resolves.toEqual({
      available: false,
      reason: 'it has no endpoint in ap-southeast-7',
    });
    expect(notes).toEqual([
      'Amazon GuardDuty is not available in ap-southeast-7 (it has no endpoint in ap-southeast-7); its check was skipped there.',
    ]);
    destroy();
  });

  it('fails on AccessDenied and on a detector without a status', async () => {
    guardduty.on(ListDetectorsCommand).rejectsOnce(awsError('AccessDeniedException', 'not authorized to perform guardduty:ListDetectors'));
    const denied = collectContext('eu-west-1');
    await expect(guardDutyDetectors.collect(denied.ctx)).rejects.toThrow('guardduty:ListDetectors');
    expect(denied.notes).toEqual([]);
    denied.destroy();

    guardduty.on(ListDetectorsCommand).resolves({ DetectorIds: ['d-1'] });
    guardduty.on(GetDetectorCommand).resolves({ ServiceRole: 'r', Status: undefined });
    const shapeless = collectContext('eu-west-1');
    await expect(guardDutyDetectors.collect(shapeless.ctx)).rejects.toThrow('without a Status');
    shapeless.destroy();
  });
});
