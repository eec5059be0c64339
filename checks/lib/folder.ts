// What a check folder declares as data, read in one place: meta.json (its id, severity, CIS and Security Hub
// ids, the fix it offers, where it runs; like Prowler's per-check metadata) and its words files. check.ts
// adds only what is code: the collectors it needs and its evaluate.
import { z } from 'zod';
import { type CheckDefinition, SCOPES, SERVICES, SEVERITIES, type Service } from '../../src/engine/types.ts';
import { type CheckWords, checkTexts } from './words.ts';

/** `<service>.<name>`: a check's id, and a fix's; the service is the folder's parent, the name the folder. */
const ID = new RegExp(`^(${SERVICES.join('|')})\\.[a-z0-9]+(-[a-z0-9]+)*$`);

const metaSchema = z.strictObject({
  id: z.string().regex(ID, 'must be <service>.<name> with a known service and a kebab-case name'),
  severity: z.enum(SEVERITIES),
  /** CIS AWS Foundations Benchmark v3.0.0 control ids. */
  cis: z.array(z.string().min(1)),
  /** AWS Security Hub (FSBP) control ids. */
  securityHub: z.array(z.string().min(1)),
  /** The fix (checks/fixes.ts) a "Fix…" button offers for the check's findings; absent when it has none. */
  fix: z.string().regex(ID, 'must be a fix id, <service>.<name>').optional(),
  scope: z.enum(SCOPES),
});

/** Everything defineCheck needs but `needs` and `evaluate`. */
export type CheckFolder = Omit<CheckDefinition, 'needs' | 'evaluate'>;

/** A check's declaration from its folder's files; a meta.json that does not fit throws, naming the check. */
export function checkFolder(meta: unknown, en: CheckWords, ja: CheckWords): CheckFolder {
  const parsed = metaSchema.safeParse(meta);
  if (!parsed.success) {
    const id = (meta as { id?: unknown } | null)?.id;
    throw new Error(`meta.json of check ${typeof id === 'string' ? id : '(no id)'} is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  const { id, fix, ...declared } = parsed.data;
  return {
    id,
    service: id.slice(0, id.indexOf('.')) as Service,
    ...declared,
    // Left out rather than undefined, so a check without a fix has no `fix` key at all.
    ...(fix === undefined ? {} : { fix }),
    ...checkTexts(en, ja),
  };
}
