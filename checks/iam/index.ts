// The IAM checks, in the order of ../shared/CHECKS.md.
import type { AnyCheck } from '../../src/engine/types.ts';
import { accessKeyRotation } from './access-key-rotation.ts';
import { adminPolicyAttached } from './admin-policy-attached.ts';
import { expiredCertificates } from './expired-certificates.ts';
import { initialAccessKey } from './initial-access-key.ts';
import { longLivedKeys } from './long-lived-keys.ts';
import { multipleActiveKeys } from './multiple-active-keys.ts';
import { passwordPolicyCheck } from './password-policy.ts';
import { rootAccessKeys } from './root-access-keys.ts';
import { rootHardwareMfa } from './root-hardware-mfa.ts';
import { rootMfa } from './root-mfa.ts';
import { rootRecentUse } from './root-recent-use.ts';
import { supportRole } from './support-role.ts';
import { unusedCredentials } from './unused-credentials.ts';
import { userAttachedPolicies } from './user-attached-policies.ts';
import { userConsoleMfa } from './user-console-mfa.ts';

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
