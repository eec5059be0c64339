// The S3 checks, in ../shared/CHECKS.md order.
import type { AnyCheck } from '../../src/engine/types.ts';
import { accountPublicAccessBlock } from './account-public-access-block.ts';
import { bucketAccessLogging } from './bucket-access-logging.ts';
import { bucketAclsEnabled } from './bucket-acls-enabled.ts';
import { bucketMfaDelete } from './bucket-mfa-delete.ts';
import { bucketPublic } from './bucket-public.ts';
import { bucketPublicAccessBlock } from './bucket-public-access-block.ts';
import { bucketSslOnly } from './bucket-ssl-only.ts';
import { bucketVersioning } from './bucket-versioning.ts';

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
