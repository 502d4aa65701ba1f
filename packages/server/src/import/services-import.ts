// `referral-kit import services <file>`: HSDS 3.0 JSON or an HSDS CSV data package → the directory, in one
// transaction, row-level problems reported against the file and row they came from. Same file twice = no change.
import type { Clock } from '../clock.js';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Service } from '@referral-kit/sdk';
import { fromHsdsReport, type HsdsIssue } from '@referral-kit/sdk/hsds';
import type { Db } from '../db/types.js';
import { sha256 } from '../db/normalize.js';
import { documentHash, loadContentHashes, writeDocuments } from '../db/documents.js';
import { bumpServicesVersion, deleteService } from '../db/services-store.js';
import { assembleServices, originOf, packageFolder, readCsvPackage, type AssembledService } from './hsds-csv.js';
import { recordImport, rejectInvalidRows } from './log.js';
import { emptyReport, type ImportReport, type RowIssue } from './report.js';
import { silentProgress, type Progress } from './progress.js';
import { FileFormatError, readJson } from './table.js';

export interface ServicesImportOptions {
  /** Delete stored services that the file does not contain (the file is the whole directory). */
  replace?: boolean;
  skipInvalid?: boolean;
  progress?: Progress;
  now: Clock;
}

interface Source {
  /** The parsed HSDS input as a whole (JSON), or one assembled service per CSV services row. */
  json?: unknown;
  assembled?: AssembledService[];
  source: string;
  contentHash: string;
}

interface Converted {
  row: number;
  services: Service[];
  /** Problems that left the whole record out. */
  errors: RowIssue[];
  /** Problems that left one field out; the service is kept. */
  warnings: RowIssue[];
}

export async function importServices(db: Db, path: string, options: ServicesImportOptions): Promise<ImportReport> {
  const progress = options.progress ?? silentProgress;
  const { now } = options;
  const startedAt = now().toISOString();
  const input = await readSource(path);
  const report = emptyReport('services', input.source);

  const converted = convert(input, progress);
  report.rows = converted.length;
  const services: Service[] = [];
  const seen = new Map<string, number>();
  for (const record of converted) {
    report.warnings.push(...record.warnings);
    if (record.errors.length) {
      report.issues.push(...record.errors);
      continue;
    }
    for (const service of record.services) {
      const clash = seen.get(service.id);
      if (clash !== undefined) {
        report.issues.push({ row: record.row, field: 'id', reason: `The same service id is already in row ${clash}.` });
        continue;
      }
      seen.set(service.id, record.row);
      services.push(service);
    }
  }
  report.valid = services.length;

  if (report.issues.length && !options.skipInvalid) {
    const finishedAt = now().toISOString();
    return rejectInvalidRows(
      db,
      { report, contentHash: input.contentHash, startedAt, finishedAt },
      'import the valid services only',
    );
  }

  await db.transaction(async (tx) => {
    const stored = await loadContentHashes(tx, 'services');
    const stamp = now().toISOString();
    const writes: { document: Service; exists: boolean }[] = [];
    for (const service of services) {
      const previous = stored.get(service.id);
      if (previous === documentHash(service)) report.unchanged++;
      else writes.push({ document: service, exists: previous !== undefined });
    }
    progress.start('Writing services', writes.length);
    await writeDocuments(tx, 'services', writes, stamp);
    progress.tick(writes.length);
    progress.stop();
    report.inserted = writes.filter((w) => !w.exists).length;
    report.updated = writes.length - report.inserted;
    if (options.replace) {
      for (const id of stored.keys()) {
        if (seen.has(id)) continue;
        await deleteService(tx, id);
        report.deleted++;
      }
    }
    const changed = report.inserted + report.updated + report.deleted > 0;
    if (changed) await bumpServicesVersion(tx);
    report.outcome = changed ? 'applied' : 'unchanged';
    if (!changed) report.message = 'The file matches the stored directory; nothing changed.';
    await recordImport(tx, { report, contentHash: input.contentHash, startedAt, finishedAt: now().toISOString() });
  });
  return report;
}

async function readSource(path: string): Promise<Source> {
  const isJson = /\.json$/i.test(path) && basename(path) !== 'datapackage.json' && !(await stat(path)).isDirectory();
  if (isJson) {
    const text = await readFile(path, 'utf8');
    return { json: readJson(text, basename(path)), source: basename(path), contentHash: sha256(text) };
  }
  const folder = await packageFolder(path);
  const tables = await readCsvPackage(folder);
  const contentHash = sha256(
    [...tables].map(([name, rows]) => `${name}:${JSON.stringify(rows.map((r) => r.values))}`).join('\n'),
  );
  return { assembled: assembleServices(tables), source: `${basename(folder)}/ (HSDS CSV)`, contentHash };
}

/** HSDS → services through the SDK's converter, its issues turned into row-level reports. */
function convert(input: Source, progress: Progress): Converted[] {
  if (input.assembled) {
    progress.start('Checking services', input.assembled.length);
    const out = input.assembled.map((assembled, i) => {
      const { services, issues } = fromHsdsReport(assembled.service);
      progress.tick(i + 1);
      return split(i + 1, services, issues, (issue) => {
        const { origin, field } = originOf(assembled, pathParts(issue.path));
        return { row: origin.row, line: origin.line, file: origin.file, field, reason: issue.message };
      });
    });
    progress.stop();
    return out;
  }
  const records = Array.isArray(input.json)
    ? input.json
    : isObject(input.json) && Array.isArray(input.json.contents)
      ? input.json.contents // an HSDS API page
      : isObject(input.json)
        ? [input.json] // one service (or an organization with its services)
        : null;
  if (!records)
    throw new FileFormatError(
      `${input.source} holds no HSDS services: expected an array, a page with "contents", or one service.`,
    );
  progress.start('Checking services', records.length);
  const out = records.map((record, i) => {
    const { services, issues } = fromHsdsReport(record);
    progress.tick(i + 1);
    return split(i + 1, services, issues, (issue) => ({
      row: i + 1,
      field: issue.path || 'service',
      reason: issue.message,
    }));
  });
  progress.stop();
  return out;
}

function split(
  row: number,
  services: Service[],
  issues: HsdsIssue[],
  toRow: (issue: HsdsIssue) => RowIssue,
): Converted {
  return {
    row,
    services,
    errors: issues.filter((i) => i.dropped === 'record').map(toRow),
    warnings: issues.filter((i) => i.dropped === 'field').map(toRow),
  };
}

/** `service_at_locations[0].location.latitude` → ['service_at_locations', '0', 'location', 'latitude']. */
function pathParts(path: string): string[] {
  return path.split(/[.[\]]+/).filter(Boolean);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
