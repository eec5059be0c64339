// What a fix inputs modal (one fix, or Fix all) submitted, checked as the fix checks it. A problem goes back
// into the modal as a field error, so the person can correct it there.
import type { ViewOutput } from '@slack/bolt';
import { type Locale, t } from '../../i18n/locale.ts';
import { type AnyFix, validateInputs } from '../../remediation/fix.ts';
import { FIELDS, MAX_INPUT_LENGTH } from '../render/remediation-modals.ts';
import { RTEXT } from './text.ts';

export type SubmittedInputs = { ok: true; inputs: { replacementCidr?: string } } | { ok: false; errors: Record<string, string> };

/** `fix` undefined (the finding is gone) skips the fix's own checks; the caller then says why nothing happens. */
export function readFixInputs(view: Pick<ViewOutput, 'state'>, fix: AnyFix | undefined, locale: Locale): SubmittedInputs {
  const cidr = view.state.values[FIELDS.replacementCidr]?.[FIELDS.replacementCidr]?.value?.trim();
  // The modal's max_length is the client's; a crafted submission can exceed it.
  if (cidr !== undefined && cidr.length > MAX_INPUT_LENGTH) {
    return { ok: false, errors: { [FIELDS.replacementCidr]: t(locale, RTEXT.tooLong(MAX_INPUT_LENGTH)) } };
  }
  const inputs = cidr ? { replacementCidr: cidr } : {};
  if (fix) {
    const checked = validateInputs(fix, inputs);
    if (!checked.ok) return { ok: false, errors: { [FIELDS.replacementCidr]: t(locale, checked.error).slice(0, 150) } };
  }
  return { ok: true, inputs };
}
