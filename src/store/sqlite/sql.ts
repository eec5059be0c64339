// SQL text shared by both SQLite stores. Only `?` placeholders are generated here: values always travel as
// parameters, and the same filters give the same text, so prepared statements are reused.

/** `?, ?, ?`: one placeholder per value of an IN list. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** A filter that applies: its SQL and the values of its placeholders. */
export type Condition = readonly [sql: string, ...params: unknown[]];

/** ` WHERE a AND b` from the conditions that apply ('' when none does), with their parameters in order. */
export function whereClause(conditions: readonly (Condition | undefined)[]): { sql: string; params: unknown[] } {
  const applied = conditions.filter((c) => c !== undefined);
  return {
    sql: applied.length ? ` WHERE ${applied.map(([sql]) => sql).join(' AND ')}` : '',
    params: applied.flatMap(([, ...params]) => params),
  };
}
