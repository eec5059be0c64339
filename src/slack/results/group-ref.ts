// The value the "Show all" buttons and menus carry (their ids are in src/slack/ids.ts): `SET|CHECK|PAGE`
// (a result set id, a check id, a page number). A value only names a list; who may see it is decided from
// the signed payload's user.
export interface GroupRef {
  setId: string;
  checkId: string;
  page: number;
}

export function groupRefValue(ref: GroupRef): string {
  return `${ref.setId}|${ref.checkId}|${ref.page}`;
}

/** Undefined for anything not shaped like a value we made. */
export function parseGroupRef(value: unknown): GroupRef | undefined {
  if (typeof value !== 'string' || value.length > 300) return undefined;
  const match = /^([A-Za-z0-9_-]{22})\|([^|]{1,200})\|(\d{1,6})$/.exec(value);
  if (!match) return undefined;
  return { setId: match[1] as string, checkId: match[2] as string, page: Number(match[3]) };
}
