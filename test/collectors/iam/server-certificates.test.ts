import { IAMClient, ListServerCertificatesCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { serverCertificates } from '../../../src/collectors/iam/server-certificates.ts';
import { servePages } from '../serve-pages.ts';
import { collectContext } from './context.ts';

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

const cert = (name: string, expiration: string) => ({
  ServerCertificateName: name,
  ServerCertificateId: `ASCA${name}`,
  Arn: `arn:aws:iam::123456789012:server-certificate/${name}`,
  Path: '/',
  Expiration: new Date(expiration),
});

describe('serverCertificates collector', () => {
  it('lists certificates across pages', async () => {
    const sent = servePages(
      iam,
      ListServerCertificatesCommand,
      [{ ServerCertificateMetadataList: [cert('old', '2024-01-01T00:00:00Z')] }, { ServerCertificateMetadataList: [cert('new', '2027-01-01T00:00:00Z')] }],
      { token: 'Marker', truncated: 'IsTruncated' },
    );
    const certificates = await serverCertificates.collect(collectContext());
    expect(certificates).toMatchObject([
      { name: 'old', arn: 'arn:aws:iam::123456789012:server-certificate/old', expiresAt: new Date('2024-01-01T00:00:00Z') },
      { name: 'new', expiresAt: new Date('2027-01-01T00:00:00Z') },
    ]);
    expect(sent.map((input) => input.Marker)).toEqual([undefined, 'page-2']);
  });
});
