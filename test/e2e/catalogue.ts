// Reads the check catalogue's tables: ../shared/CHECKS.md when the checkout has it, else the copied fixture.
// Columns are found by their headers (id, CIS, SH, sev), so both files parse the same way.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CatalogueRow {
  id: string;
  severity: string;
  cis: string[];
  securityHub: string[];
}

export const CHECKS_MD = join(import.meta.dirname, '..', '..', '..', 'shared', 'CHECKS.md');
export const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'checks-catalogue.md');

const cellsOf = (line: string) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());

/** `1.8, 1.9` → ['1.8', '1.9']; `—` or `-` → []. */
const refs = (cell: string) => (/^[—–-]?$/.test(cell) ? [] : cell.split(',').map((r) => r.trim()));

export function parseCatalogue(markdown: string): CatalogueRow[] {
  const rows: CatalogueRow[] = [];
  let columns: { id: number; cis: number; sh: number; sev: number } | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.trim().startsWith('|')) {
      columns = undefined;
      continue;
    }
    const cells = cellsOf(line);
    if (cells[0] === 'id') {
      columns = { id: 0, cis: cells.indexOf('CIS'), sh: cells.indexOf('SH'), sev: cells.indexOf('sev') };
      continue;
    }
    if (!columns || !/^[a-z0-9]+\.[a-z0-9-]+$/.test(cells[0] ?? '')) continue;
    rows.push({
      id: cells[columns.id]!,
      severity: cells[columns.sev]!,
      cis: refs(cells[columns.cis]!),
      securityHub: refs(cells[columns.sh]!),
    });
  }
  return rows;
}

/** The catalogue to test against, and where it came from. */
export function loadCatalogue(): { source: string; rows: CatalogueRow[] } {
  const source = existsSync(CHECKS_MD) ? CHECKS_MD : FIXTURE;
  return { source, rows: parseCatalogue(readFileSync(source, 'utf8')) };
}
