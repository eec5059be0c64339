import { DescribeDocumentPermissionCommand, ListDocumentsCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ssmDocuments } from '../../../src/collectors/ssm/documents.ts';
import { collectContext } from '../ec2/context.ts';

const ssm = mockClient(SSMClient);
afterEach(() => ssm.reset());

describe('ssmDocuments collector', () => {
  it("lists the account's own documents and reads each one's sharing, page by page", async () => {
    const test = collectContext();
    ssm
      .on(ListDocumentsCommand)
      .resolves({ DocumentIdentifiers: [{ Name: 'deploy', DocumentType: 'Command', DocumentFormat: 'YAML', DocumentVersion: '3' }], NextToken: 'd2' })
      .on(ListDocumentsCommand, { NextToken: 'd2' })
      .resolves({ DocumentIdentifiers: [{ Name: 'private' }, { Name: 'locked' }] });
    ssm
      .on(DescribeDocumentPermissionCommand, { Name: 'deploy' })
      .resolves({ AccountIds: ['111111111111'], NextToken: 'p2' })
      .on(DescribeDocumentPermissionCommand, { Name: 'deploy', NextToken: 'p2' })
      .resolves({ AccountIds: ['all'], AccountSharingInfoList: [{ AccountId: 'all', SharedDocumentVersion: '2' }] })
      .on(DescribeDocumentPermissionCommand, { Name: 'private' })
      .resolves({ AccountIds: [] })
      .on(DescribeDocumentPermissionCommand, { Name: 'locked' })
      .rejects(Object.assign(new Error('not authorized to perform ssm:DescribeDocumentPermission'), { name: 'AccessDeniedException' }));

    const docs = await ssmDocuments.collect(test.ctx);

    expect(docs).toEqual([
      {
        name: 'deploy',
        documentType: 'Command',
        documentFormat: 'YAML',
        documentVersion: '3',
        share: { accountIds: ['111111111111', 'all'], publicVersion: '2' },
      },
      expect.objectContaining({ name: 'private', share: { accountIds: [] } }),
      expect.objectContaining({ name: 'locked', error: 'AccessDeniedException: not authorized to perform ssm:DescribeDocumentPermission' }),
    ]);
    expect(ssm.commandCalls(ListDocumentsCommand)[0]?.args[0].input.Filters).toEqual([{ Key: 'Owner', Values: ['Self'] }]);
    expect(ssm.commandCalls(DescribeDocumentPermissionCommand)[0]?.args[0].input.PermissionType).toBe('Share');
    expect(test.progress.at(-1)).toEqual([3, 3, 'documents']);
    test.destroy();
  });

  it('fails as a whole when the documents cannot be listed', async () => {
    const test = collectContext();
    ssm.on(ListDocumentsCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(ssmDocuments.collect(test.ctx)).rejects.toThrow('denied');
    expect(ssm.commandCalls(DescribeDocumentPermissionCommand)).toHaveLength(0);
    test.destroy();
  });
});
