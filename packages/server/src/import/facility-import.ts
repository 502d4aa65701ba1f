// `referral-kit import facilities <file>`: facility records (CSV or JSON) → the facilities custody records point to,
// in one transaction, with the same row-level report as the custody feed. Columns are matched loosely
// ("Time Zone" = time_zone = timeZone); the contract has the last word on every value.
import type { Clock } from '../clock.js';
import { basename } from 'node:path';
import * as z from 'zod/v4/mini';
import { Facility } from '@referral-kit/sdk';
import type { Db } from '../db/types.js';
import { sha256 } from '../db/normalize.js';
import { documentHash, loadContentHashes } from '../db/documents.js';
import { writeFacilities } from '../db/facility-store.js';
import { recordImport, rejectInvalidRows } from './log.js';
import { emptyReport, type ImportReport, type RowIssue } from './report.js';
import { FileFormatError, columnOf, looseKey, readCsv, readJson, type SourceRow } from './table.js';

export interface FacilityImportOptions {
  /** Apply the valid rows even when some rows are invalid (default: all or nothing). */
  skipInvalid?: boolean;
  now: Clock;
}

/** Each field of a facility, and the column names feeds use for it (compared loosely). */
const COLUMNS: Record<keyof Facility, readonly string[]> = {
  id: ['id', 'facilityid'],
  name: ['name', 'facilityname'],
  operator: ['operator', 'operatedby'],
  address: ['address', 'street', 'streetaddress'],
  city: ['city'],
  state: ['state'],
  postalCode: ['postalcode', 'zip', 'zipcode'],
  phone: ['phone', 'telephone'],
  timeZone: ['timezone', 'tz'],
  visitingUrl: ['visitingurl', 'visiting', 'visitationurl', 'visitinginformation'],
};

/** The zone's canonical IANA name ("america/chicago" → "America/Chicago"), or undefined when the platform does not know it. */
function canonicalTimeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

interface CheckedRow {
  facility?: Facility;
  issues: RowIssue[];
  warnings: RowIssue[];
}

function checkRow(source: SourceRow): CheckedRow {
  const names = new Map(Object.keys(source.values).map((key) => [looseKey(key), key]));
  const valueOf = (field: keyof Facility): string | undefined => {
    for (const column of COLUMNS[field]) {
      const key = names.get(column);
      const value = key === undefined ? undefined : source.values[key];
      if (typeof value === 'string' || typeof value === 'number') {
        const trimmed = String(value).trim();
        if (trimmed !== '') return trimmed;
      }
    }
    return undefined;
  };
  const columnNames = new Map(
    (Object.keys(COLUMNS) as (keyof Facility)[]).map((field) => [
      looseKey(field),
      COLUMNS[field].map((c) => names.get(c)).find(Boolean) ?? field,
    ]),
  );
  const issue = (path: PropertyKey[], reason: string): RowIssue => ({
    row: source.row,
    line: source.line,
    field: columnOf(path, columnNames),
    reason,
  });

  const candidate: Record<string, string> = {};
  for (const field of Object.keys(COLUMNS) as (keyof Facility)[]) {
    const value = valueOf(field);
    if (value !== undefined) candidate[field] = field === 'state' ? value.toUpperCase() : value;
  }
  const issues: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  if (candidate.timeZone !== undefined) {
    const zone = canonicalTimeZone(candidate.timeZone);
    if (zone) candidate.timeZone = zone;
    else
      issues.push(
        issue(
          ['timeZone'],
          `"${candidate.timeZone.slice(0, 40)}" is not a time zone; use an IANA name such as America/Chicago.`,
        ),
      );
  }
  // A visiting link that is not https is left out (it would never be shown); the facility is kept.
  const visiting = z.safeParse(Facility.shape.visitingUrl, candidate.visitingUrl);
  if (!visiting.success) {
    warnings.push(issue(['visitingUrl'], 'Left out: only https:// addresses are linked.'));
    delete candidate.visitingUrl;
  }
  const result = z.safeParse(Facility, candidate);
  if (!result.success) {
    const reported = new Set(issues.map((i) => i.field));
    for (const i of result.error.issues) {
      const found = issue(i.path, candidate[String(i.path[0])] === undefined ? 'Required.' : i.message);
      if (!reported.has(found.field)) issues.push(found);
    }
  }
  return issues.length ? { issues, warnings } : { facility: result.data, issues, warnings };
}

function rowsOf(text: string, fileName: string): SourceRow[] {
  if (!/\.json$/i.test(fileName) && !/^\s*[[{]/.test(text)) return readCsv(text, fileName);
  const data = readJson(text, fileName) as { facilities?: unknown; records?: unknown } | unknown[] | null;
  const list = Array.isArray(data)
    ? data
    : Array.isArray(data?.facilities)
      ? data.facilities
      : Array.isArray(data?.records)
        ? data.records
        : null;
  if (!list)
    throw new FileFormatError(
      `${fileName} must hold a JSON array of facilities, or an object with a "facilities" array.`,
    );
  return (list as unknown[]).map((item, i) => ({
    row: i + 1,
    values: item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : {},
  }));
}

export async function importFacilities(
  db: Db,
  text: string,
  fileName: string,
  options: FacilityImportOptions,
): Promise<ImportReport> {
  const { now } = options;
  const startedAt = now().toISOString();
  const report = emptyReport('facilities', basename(fileName));
  const contentHash = sha256(text);
  const rows = rowsOf(text, fileName);
  report.rows = rows.length;
  const facilities: Facility[] = [];
  const seen = new Map<string, number>();
  for (const source of rows) {
    const checked = checkRow(source);
    report.warnings.push(...checked.warnings);
    report.issues.push(...checked.issues);
    if (!checked.facility) continue;
    const clash = seen.get(checked.facility.id);
    if (clash !== undefined) {
      report.issues.push({
        row: source.row,
        line: source.line,
        field: 'id',
        reason: `The same facility id is already in row ${clash}.`,
      });
      continue;
    }
    seen.set(checked.facility.id, source.row);
    facilities.push(checked.facility);
  }
  report.valid = facilities.length;
  if (report.issues.length && !options.skipInvalid) {
    return rejectInvalidRows(db, { report, contentHash, startedAt, finishedAt: now().toISOString() });
  }

  await db.transaction(async (tx) => {
    const stored = await loadContentHashes(tx, 'facilities');
    const changed = facilities.filter((facility) => stored.get(facility.id) !== documentHash(facility));
    report.unchanged = facilities.length - changed.length;
    report.inserted = changed.filter((f) => !stored.has(f.id)).length;
    report.updated = changed.length - report.inserted;
    await writeFacilities(
      tx,
      changed.map((document) => ({ document, exists: stored.has(document.id) })),
      now().toISOString(),
    );
    report.outcome = changed.length ? 'applied' : 'unchanged';
    report.message = changed.length ? '' : 'The file matches the stored facilities; nothing changed.';
    await recordImport(tx, { report, contentHash, startedAt, finishedAt: now().toISOString() });
  });
  return report;
}
