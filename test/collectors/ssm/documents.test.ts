import { DescribeDocumentPermissionCommand, ListDocumentsCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ssmDocuments } from '../../../src/collectors/ssm/documents.ts';
import { collectContext } from '../ec2/context.ts';
import { servePages } from '../serve-pages.ts';

const ssm = mockClient(SSMClient);
afterEach(() => ssm.reset());

describe('ssmDocuments collector', () => {
  it("lists the account's own documents and reads each one's sharing, page by page", async () => {
    const test = collectContext();
    const listed = servePages(ssm, ListDocumentsCommand, [
      { DocumentIdentifiers: [{ Name: 'deploy', DocumentType: 'Command', DocumentFormat: 'YAML', DocumentVersion: '3' }] },
      { DocumentIdentifiers: [{ Name: 'private' }, { Name: 'locked' }] },
    ]);
    const deployShares = servePages(
      ssm,
      DescribeDocumentPermissionCommand,
      [{ AccountIds: ['111111111111'] }, { AccountIds: ['all'], AccountSharingInfoList: [{ AccountId: 'all', SharedDocumentVersion: '2' }] }],
      { when: { Name: 'deploy' } },
    );
    ssm
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
    expect(listed).toHaveLength(2);
    expect(listed[0]?.Filters).toEqual([{ Key: 'Owner', Values: ['Self'] }]);
    expect(deployShares.map((input) => input.PermissionType)).toEqual(['Share', 'Share']);
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
