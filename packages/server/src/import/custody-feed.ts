// A custody feed (CSV or JSON) → checked records. Column names are matched loosely (birth_year = birthYear =
// "Birth Year"); each problem is reported with the row, the field as named in the file, and the reason.
import { randomBytes } from 'node:crypto';
import * as z from 'zod/v4/mini';
import {
  CustodyRecord,
  CustodyStatus,
  Id,
  IdentifierType,
  StateCode,
  PhoneNumber,
  type Identifier,
} from '@referral-kit/sdk';
import { sourceKeyOf } from '../db/custody-store.js';
import type { Readable } from 'node:stream';
import type { RowIssue } from './report.js';
import { columnOf, looseKey, streamRows, type SourceRow } from './table.js';

export interface FeedRecord {
  row: number;
  /** Line in the file (CSV, NDJSON). */
  line?: number | undefined;
  /** The public id the feed asks for, if any (otherwise kept or generated). */
  id?: string;
  sourceKey: string;
  record: Omit<CustodyRecord, 'id'>;
  confidential: boolean;
  /** The facility record the feed says the person is in (`facility_id`, or `facility.id` in JSON). */
  facilityId?: string | undefined;
}

/** One row of the feed, checked: the record to stage, or the problems that keep it out. */
export type CheckedRow = FeedRecord | { row: number; issues: RowIssue[] };

/** Every status by its own name, plus the wordings jail and immigration feeds use for them (compared loosely). */
const STATUS_ALIASES: Record<string, CustodyStatus> = {
  ...Object.fromEntries(CustodyStatus.options.map((status) => [looseKey(status), status])),
  custody: 'in-custody',
  incarcerated: 'in-custody',
  booked: 'in-custody',
  detainer: 'immigration-detainer',
  icedetainer: 'immigration-detainer',
  immigrationhold: 'immigration-detainer',
  icehold: 'immigration-detainer',
  immigrationcustody: 'immigration-detention',
  icecustody: 'immigration-detention',
  detained: 'immigration-detention',
  bond: 'released-on-bond',
  releasedbond: 'released-on-bond',
  bonded: 'released-on-bond',
  recognizance: 'released-on-order',
  releasedonrecognizance: 'released-on-order',
  orderofrecognizance: 'released-on-order',
  orderofsupervision: 'released-on-order',
  releasedonorderofsupervision: 'released-on-order',
  releasedonorderofrecognizance: 'released-on-order',
  removal: 'removed',
  deported: 'removed',
  departed: 'voluntary-departure',
  returned: 'returned-to-custody',
  rebooked: 'returned-to-custody',
};
// Built once: a schema built per row costs more than checking the row.
const PRIMARY_IDENTIFIER = z.object({
  type: IdentifierType,
  value: z.string().check(z.maxLength(64, 'At most 64 characters.')),
});
const EXTRA_IDENTIFIERS = z.array(
  z.object({ type: IdentifierType, value: z.string().check(z.minLength(1), z.maxLength(64)) }),
);
const TRUE = new Set(['true', '1', 'yes', 'y']);
const FALSE = new Set(['false', '0', 'no', 'n', '']);

/**
 * Reads a feed (CSV, NDJSON or JSON) as a stream and checks each row on its own; `now` bounds dates in the feed (a
 * birth year cannot be later than its year). Rows that repeat a person are found later, over the staged feed.
 */
export function readCustodyFeed(
  input: Readable,
  fileName: string,
  options: { now: Date },
): { rows: AsyncGenerator<CheckedRow>; contentHash: () => string } {
  const feed = streamRows(input, fileName, {
    listOf: (data) =>
      Array.isArray(data)
        ? data
        : Array.isArray((data as { records?: unknown } | null)?.records)
          ? (data as { records: unknown[] }).records
          : null,
    wrongShape: `${fileName} must hold a JSON array of records, or an object with a "records" array.`,
  });
  async function* checked(): AsyncGenerator<CheckedRow> {
    for await (const source of feed.rows) {
      const result = checkRow({ ...source, values: flatten(source.values) }, options.now);
      yield 'issues' in result ? { row: source.row, issues: result.issues } : result;
    }
  }
  return { rows: checked(), contentHash: feed.contentHash };
}

/** `{ facility: { name } }` → `{ "facility.name": … }`, so nested JSON and flat CSV read the same way. */
function flatten(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'facility' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [sub, v] of Object.entries(value as Record<string, unknown>)) out[`facility.${sub}`] = v;
    } else {
      out[key] = value;
    }
  }
  return out;
}

function checkRow(source: SourceRow, now: Date): FeedRecord | { issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const names = new Map<string, string>();
  const values = new Map<string, unknown>();
  for (const [key, value] of Object.entries(source.values)) {
    names.set(looseKey(key), key);
    values.set(looseKey(key), value);
  }
  const fieldName = (...keys: string[]) => keys.map((k) => names.get(k)).find(Boolean) ?? keys[0]!;
  const problem = (keys: string[], reason: string) =>
    issues.push({ row: source.row, line: source.line, field: fieldName(...keys), reason });
  const text = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const value = values.get(key);
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string' && typeof value !== 'number') {
        problem([key], 'Expected text.');
        return undefined;
      }
      const trimmed = String(value).trim();
      if (trimmed !== '') return trimmed;
    }
    return undefined;
  };
  const check = <T>(keys: string[], schema: z.ZodMiniType<T>, value: unknown): T | undefined => {
    const result = z.safeParse(schema, value);
    if (result.success) return result.data;
    problem(keys, result.error.issues[0]?.message ?? 'Not valid.');
    return undefined;
  };
  const whole = (keys: string[], min: number, max: number): number | undefined => {
    const raw = text(...keys);
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problem(keys, `Expected a whole number from ${min} to ${max}.`);
      return undefined;
    }
    return Number(raw);
  };
  const timestamp = (keys: string[]): string | undefined => {
    const raw = text(...keys);
    if (raw === undefined) return undefined;
    if (!/(Z|[+-]\d\d:?\d\d)$/i.test(raw) || Number.isNaN(Date.parse(raw))) {
      problem(keys, 'Expected a date and time with a time zone, such as 2026-11-28T14:30:00Z.');
      return undefined;
    }
    return new Date(raw).toISOString();
  };

  // Who
  const identifierValue = text('identifier');
  const identifierType = check(['identifiertype'], IdentifierType, (text('identifiertype') ?? 'booking').toLowerCase());
  if (identifierValue === undefined) problem(['identifier'], 'Required: the ID the source uses for this person.');
  const identifiers: Identifier[] = [];
  if (identifierValue !== undefined && identifierType !== undefined) {
    const primary = check(['identifier'], PRIMARY_IDENTIFIER, { type: identifierType, value: identifierValue });
    if (primary) identifiers.push(primary);
  }
  identifiers.push(...extraIdentifiers(values, problem));
  const displayName =
    text('displayname', 'name') ??
    ([text('firstname'), text('middlename'), text('lastname')].filter(Boolean).join(' ') || undefined);
  if (displayName === undefined)
    problem(['displayname', 'name', 'lastname'], 'Required: a display name, or first and last names.');
  else if (displayName.length > 300) problem(['displayname', 'name', 'lastname'], 'At most 300 characters.');
  const id = text('id') === undefined ? undefined : check(['id'], Id, text('id'));
  const birthYear = whole(['birthyear'], 1900, now.getUTCFullYear());
  const age = whole(['age'], 0, 130);
  const countryOfBirth = text('countryofbirth', 'birthcountry');

  // Status
  const statusRaw = text('status');
  let status: CustodyStatus | undefined;
  if (statusRaw === undefined) problem(['status'], `Required: one of ${CustodyStatus.options.join(', ')}.`);
  else {
    status = STATUS_ALIASES[looseKey(statusRaw)];
    if (!status)
      problem(
        ['status'],
        `"${statusRaw.slice(0, 40)}" is not a status; use one of ${CustodyStatus.options.join(', ')}.`,
      );
  }
  const statusReason = text('statusreason');
  const statusChangedAt = timestamp(['statuschangedat']);
  const sourceUpdatedAt = timestamp(['sourceupdatedat', 'updatedat']) ?? statusChangedAt;
  if (text('sourceupdatedat', 'updatedat', 'statuschangedat') === undefined) {
    problem(
      ['sourceupdatedat', 'updatedat'],
      'Required: when the source last updated this record (or status_changed_at).',
    );
  }

  // Where: a facility record by id, and/or the facility as the feed words it (shown until that record is imported)
  const facilityId = text('facilityid') === undefined ? undefined : check(['facilityid'], Id, text('facilityid'));
  const facilityName = text('facilityname', 'facility');
  const facility = facilityName
    ? {
        name: facilityName,
        address: text('facilityaddress'),
        city: text('facilitycity'),
        state:
          text('facilitystate') === undefined
            ? undefined
            : check(['facilitystate'], StateCode, text('facilitystate')!.toUpperCase()),
        phone:
          text('facilityphone') === undefined
            ? undefined
            : check(['facilityphone'], PhoneNumber, text('facilityphone')),
      }
    : undefined;

  // Protection
  const confidentialRaw = values.get('confidential');
  let confidential = false;
  if (typeof confidentialRaw === 'boolean') confidential = confidentialRaw;
  else if (confidentialRaw !== undefined && confidentialRaw !== null) {
    const v = (typeof confidentialRaw === 'string' ? confidentialRaw : JSON.stringify(confidentialRaw))
      .trim()
      .toLowerCase();
    if (TRUE.has(v)) confidential = true;
    else if (!FALSE.has(v)) problem(['confidential'], 'Expected true or false.');
  }

  if (issues.length) return { issues };
  const record = stripUndefined({
    displayName: displayName!,
    birthYear,
    age,
    countryOfBirth,
    identifiers,
    status: status!,
    statusReason,
    facility: facility && stripUndefined(facility),
    statusChangedAt,
    sourceUpdatedAt: sourceUpdatedAt!,
  });
  // The contract is the last word: whatever passes here is what the API will serve.
  const contract = z.safeParse(CustodyRecord, { id: id ?? 'probe', ...record });
  if (!contract.success) {
    return {
      issues: contract.error.issues.map((i) => ({
        row: source.row,
        line: source.line,
        field: columnOf(i.path, names),
        reason: i.message,
      })),
    };
  }
  const { id: _probe, ...checked } = contract.data;
  return {
    row: source.row,
    line: source.line,
    id,
    sourceKey: sourceKeyOf(identifiers[0]!.type, identifiers[0]!.value),
    record: checked,
    confidential,
    facilityId,
  };
}

/** JSON `identifiers: [{type, value}]`, or CSV `additional_identifiers: "case:2025-CR-1; a-number:A123"`. */
function extraIdentifiers(
  values: Map<string, unknown>,
  problem: (keys: string[], reason: string) => void,
): Identifier[] {
  const raw = values.get('identifiers') ?? values.get('additionalidentifiers');
  if (raw === undefined || raw === null || raw === '') return [];
  const key = values.has('identifiers') ? 'identifiers' : 'additionalidentifiers';
  const items: unknown[] = Array.isArray(raw)
    ? raw
    : typeof raw === 'string'
      ? raw
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => ({ type: s.split(':')[0]?.trim().toLowerCase(), value: s.split(':').slice(1).join(':').trim() }))
      : [null];
  const result = z.safeParse(EXTRA_IDENTIFIERS, items);
  if (!result.success) {
    problem(
      [key],
      `Expected identifiers as type:value pairs (types: ${IdentifierType.options.join(', ')}). ${result.error.issues[0]?.message ?? ''}`.trim(),
    );
    return [];
  }
  return result.data;
}

function stripUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Random bytes drawn in bulk for newCustodyId: one call per id costs more than the rest of a row's staging. */
const ID_BYTES = 9;
const idPool = { bytes: Buffer.alloc(0), used: 0 };

/** A fresh public id: random, so ids say nothing about the person or the order records arrived in. */
export function newCustodyId(): string {
  if (idPool.used + ID_BYTES > idPool.bytes.length)
    Object.assign(idPool, { bytes: randomBytes(ID_BYTES * 4096), used: 0 });
  const id = idPool.bytes.toString('base64url', idPool.used, idPool.used + ID_BYTES);
  idPool.used += ID_BYTES;
  return `cus-${id.replace(/[_-]/g, 'x')}`;
}
