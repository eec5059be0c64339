// GuardDuty, Inspector and Access Analyzer are not launched in every region, and an account can be refused a
// service it has not signed up for. Either way there is nothing to evaluate there: the collector answers
// "unavailable" and leaves a note, so the check reports neither PASS (it isn't on) nor FAIL (it can't be).
// Everything else, AccessDenied included, still throws and becomes ERROR in the engine.
import { hasErrorCode } from '../../aws/errors.ts';
import type { CollectContext } from '../../engine/types.ts';
import { type Localized, t } from '../../i18n/locale.ts';

export type RegionalService<T extends object> = ({ available: true } & T) | { available: false; reason: string };

/** What AWS answers when the account is not subscribed to (or opted in for) a service in a region. */
const NOT_SUBSCRIBED = ['OptInRequired', 'SubscriptionRequiredException'];

interface DnsFailure {
  code?: unknown;
  hostname?: unknown;
  cause?: unknown;
}

/**
 * A region without the service has no endpoint: DNS answers "no such host" for `<service>.<region>.…`.
 * Only that exact host counts; a broken endpoint override or a flaky resolver (EAI_AGAIN) stays an error.
 */
function isMissingRegionalEndpoint(err: unknown, region: string): boolean {
  if (!err || typeof err !== 'object') return false;
  const { code, hostname, cause } = err as DnsFailure;
  if (code === 'ENOTFOUND' && typeof hostname === 'string' && hostname.split('.').includes(region)) return true;
  return cause !== undefined && cause !== err && isMissingRegionalEndpoint(cause, region);
}

/** Why the service can't be used in `region`, or undefined when `err` is an ordinary failure. */
export function unavailableReason(err: unknown, region: string): Localized | undefined {
  if (isMissingRegionalEndpoint(err, region)) {
    return { en: `it has no endpoint in ${region}`, ja: `${region} にエンドポイントがありません` };
  }
  if (hasErrorCode(err, ...NOT_SUBSCRIBED)) {
    return {
      en: `the account is not subscribed to it in ${region}`,
      ja: `このアカウントは ${region} でこのサービスにサブスクライブしていません`,
    };
  }
  return undefined;
}

/** Runs one region's reads; turns "service not available here" into a note and an `available: false` answer. */
export async function whereAvailable<T extends object>(
  ctx: CollectContext,
  service: string,
  read: () => Promise<T>,
): Promise<RegionalService<T>> {
  try {
    return { available: true, ...(await read()) };
  } catch (err) {
    const reason = unavailableReason(err, ctx.region);
    if (reason === undefined) throw err;
    ctx.note(
      t(ctx.settings.locale, {
          en: `${service} is not available in ${ctx.region} (${reason.en}); its check was skipped there.`,
          ja: `${service} は ${ctx.region} では利用できません (${reason.ja})。このリージョンのチェックはスキップしました。`,
        }),
    );
    return { available: false, reason: reason.en };
  }
}
