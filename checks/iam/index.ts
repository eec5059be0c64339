// The IAM checks, in the order of ../shared/CHECKS.md.
import type { AnyCheck } from '../../src/engine/types.ts';
import { accessKeyRotation } from './access-key-rotation/check.ts';
import { adminPolicyAttached } from './admin-policy-attached/check.ts';
import { expiredCertificates } from './expired-certificates/check.ts';
import { initialAccessKey } from './initial-access-key/check.ts';
import { longLivedKeys } from './long-lived-keys/check.ts';
import { multipleActiveKeys } from './multiple-active-keys/check.ts';
import { passwordPolicyCheck } from './password-policy/check.ts';
import { rootAccessKeys } from './root-access-keys/check.ts';
import { rootHardwareMfa } from './root-hardware-mfa/check.ts';
import { rootMfa } from './root-mfa/check.ts';
import { rootRecentUse } from './root-recent-use/check.ts';
import { supportRole } from './support-role/check.ts';
import { unusedCredentials } from './unused-credentials/check.ts';
import { userAttachedPolicies } from './user-attached-policies/check.ts';
import { userConsoleMfa } from './user-console-mfa/check.ts';

export const iamChecks: readonly AnyCheck[] = [
  rootMfa,
  rootHardwareMfa,
  rootAccessKeys,
  rootRecentUse,
  userConsoleMfa,
  accessKeyRotation,
  unusedCredentials,
  multipleActiveKeys,
  initialAccessKey,
  passwordPolicyCheck,
  userAttachedPolicies,
  adminPolicyAttached,
  supportRole,
  expiredCertificates,
  longLivedKeys,
];
