// One set of temporary credentials per session, shared by every client in it. The SDK memoises a provider
// per client, so a provider handed to 15 clients would assume the role 15 times per scan; this wrapper
// assumes it once and again only shortly before the credentials expire.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/** Refresh this long before expiry: a long paginated listing must not sign with credentials about to lapse. */
export const REFRESH_BEFORE_MS = 5 * 60_000;

export function shareCredentials(
  provider: AwsCredentialIdentityProvider,
  now: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined;
  let expiresAt = Number.POSITIVE_INFINITY;
  return () => {
    if (pending && now() < expiresAt - REFRESH_BEFORE_MS) return pending;
    const attempt = provider().then(
      (identity) => {
        expiresAt = identity.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
        return identity;
      },
      (err: unknown) => {
        // A failed AssumeRole is not cached: the next call (a retry, a later scan) tries again.
        if (pending === attempt) pending = undefined;
        throw err;
      },
    );
    pending = attempt;
    // Until it settles, concurrent callers share this attempt rather than starting their own.
    expiresAt = Number.POSITIVE_INFINITY;
    return attempt;
  };
}
