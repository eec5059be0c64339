import { BatchGetAccountStatusCommand, Inspector2Client, type State, type Status } from '@aws-sdk/client-inspector2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectorStatus } from '../../../src/collectors/detect/inspector-status.ts';
import { TEST_ACCOUNT } from '../../helpers/evaluate.ts';
import { awsError, collectContext, dnsNotFound } from './context.ts';

const inspector = mockClient(Inspector2Client);
afterEach(() => inspector.reset());

const state = (status: Status): State => ({ status, errorCode: undefined, errorMessage: undefined });

describe('inspectorStatus', () => {
  it('asks for this account and reads EC2 scanning', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves({
      accounts: [
        {
          accountId: TEST_ACCOUNT,
          state: state('ENABLED'),
          resourceState: { ec2: { status: 'DISABLED', errorCode: 'SSM_UNAVAILABLE', errorMessage: 'x' }, ecr: state('ENABLED') },
        },
      ],
    });
    const { ctx, destroy } = collectContext('eu-west-1');

    await expect(inspectorStatus.collect(ctx)).resolves.toEqual({
      available: true,
      accountStatus: 'ENABLED',
      ec2Status: 'DISABLED',
      ec2ErrorCode: 'SSM_UNAVAILABLE',
    });
    expect(inspector.commandCalls(BatchGetAccountStatusCommand)[0]?.args[0].input).toEqual({ accountIds: [TEST_ACCOUNT] });
    destroy();
  });

  it('fails when Inspector reports this account among the failed ones', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves({
      accounts: [],
      failedAccounts: [{ accountId: TEST_ACCOUNT, errorCode: 'ACCESS_DENIED', errorMessage: 'not allowed' }],
    });
    const { ctx, destroy } = collectContext('eu-west-1');
    await expect(inspectorStatus.collect(ctx)).rejects.toThrow("Inspector could not report this account's status: ACCESS_DENIED: not allowed");
    destroy();
  });

  it('fails when the answer lacks the account or its EC2 status', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolvesOnce({ accounts: [] });
    const missing = collectContext('eu-west-1');
    await expect(inspectorStatus.collect(missing.ctx)).rejects.toThrow('without this account');
    missing.destroy();

    inspector.on(BatchGetAccountStatusCommand).resolves({
      accounts: [{ accountId: TEST_ACCOUNT, state: state('ENABLED'), resourceState: { ec2: undefined, ecr: state('ENABLED') } }],
    });
    const partial = collectContext('eu-west-1');
    await expect(inspectorStatus.collect(partial.ctx)).rejects.toThrow('without an EC2 scanning status');
    partial.destroy();
  });

  it('notes a region where Inspector has no endpoint, and fails on AccessDenied', async () => {
    inspector.on(BatchGetAccountStatusCommand).rejectsOnce(dnsNotFound('inspector2.mx-central-1.amazonaws.com'));
    const absent = collectContext('mx-central-1');
    await expect(inspectorStatus.collect(absent.ctx)).resolves.toMatchObject({ available: false });
    expect(absent.notes).toHaveLength(1);
    absent.destroy();

    inspector.on(BatchGetAccountStatusCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform inspector2:BatchGetAccountStatus'));
    const denied = collectContext('eu-west-1');
    await expect(inspectorStatus.collect(denied.ctx)).rejects.toThrow('inspector2:BatchGetAccountStatus');
    expect(denied.notes).toEqual([]);
    denied.destroy();
  });
});
