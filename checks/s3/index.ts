// The S3 checks, in ../shared/CHECKS.md order.
import type { AnyCheck } from '../../src/engine/types.ts';
import { accountPublicAccessBlock } from './account-public-access-block/check.ts';
import { bucketAccessLogging } from './bucket-access-logging/check.ts';
import { bucketAclsEnabled } from './bucket-acls-enabled/check.ts';
import { bucketMfaDelete } from './bucket-mfa-delete/check.ts';
import { bucketPublic } from './bucket-public/check.ts';
import { bucketPublicAccessBlock } from './bucket-public-access-block/check.ts';
import { bucketSslOnly } from './bucket-ssl-only/check.ts';
import { bucketVersioning } from './bucket-versioning/check.ts';

export const s3Checks: readonly AnyCheck[] = [
  accountPublicAccessBlock,
  bucketPublicAccessBlock,
  bucketPublic,
  bucketSslOnly,
  bucketVersioning,
  bucketMfaDelete,
  bucketAccessLogging,
  bucketAclsEnabled,
];
