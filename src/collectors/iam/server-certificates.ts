// ListServerCertificates: TLS certificates stored in IAM (the pre-ACM way to give load balancers a certificate).
import { paginateListServerCertificates } from '@aws-sdk/client-iam';
import { defineCollector } from '../../engine/define.ts';
import { collectPages, sendOptions } from '../sdk.ts';
import { iamClient } from './client.ts';

export interface ServerCertificate {
  name: string;
  id: string | undefined;
  arn: string;
  path: string;
  uploadedAt: Date | undefined;
  /** Undefined only if IAM leaves it out; the check reports that as ERROR. */
  expiresAt: Date | undefined;
}

export const serverCertificates = defineCollector<ServerCertificate[]>({
  id: 'iam.server-certificates',
  scope: 'global',
  actions: ['iam:ListServerCertificates'],
  async collect(ctx) {
    const pages = paginateListServerCertificates({ client: iamClient(ctx), pageSize: 1000 }, {}, sendOptions(ctx));
    return collectPages(
      pages,
      (page) => page.ServerCertificateMetadataList,
      (c): ServerCertificate => {
        if (!c.ServerCertificateName || !c.Arn) throw new Error('ListServerCertificates answered a certificate without name or ARN');
        return {
          name: c.ServerCertificateName,
          id: c.ServerCertificateId,
          arn: c.Arn,
          path: c.Path ?? '/',
          uploadedAt: c.UploadDate,
          expiresAt: c.Expiration,
        };
      },
    );
  },
});
