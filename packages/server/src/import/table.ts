// Reading CSV tables and JSON arrays into rows with their position, for row-level reports.
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';

export interface SourceRow {
  /** 1-based data row. */
  row: number;
  line?: number;
  values: Record<string, unknown>;
}

export class FileFormatError extends Error {
  override name = 'FileFormatError';
}

export function readCsv(text: string, fileName: string): SourceRow[] {
  try {
    const records = parse<{ record: Record<string, string>; info: { lines: number } }>(text, {
      columns: (header: string[]) => header.map((h) => h.trim()),
      bom: true,
      skip_empty_lines: true,
      info: true,
    });
    return records.map((r, i) => ({ row: i + 1, line: r.info.lines, values: r.record }));
  } catch (error) {
    throw new FileFormatError(
      `${fileName} is not a readable CSV file: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * A JSON document (array or wrapper object) is parsed whole, so it is refused above this size: larger feeds come as
 * CSV or NDJSON (one JSON record per line), which are read as streams whatever their size.
 */
export const MAX_JSON_DOCUMENT_BYTES = 64 * 2 ** 20;

export interface StreamedFeed {
  rows: AsyncGenerator<SourceRow>;
  /** sha256 of every byte read, complete once `rows` is exhausted. */
  contentHash: () => string;
}

/**
 * Rows of a CSV, NDJSON (`.ndjson`/`.jsonl`) or JSON feed, read from a stream one at a time: only a JSON document holds
 * the whole file. `listOf` finds the records in a JSON document (or null when it has none); `wrongShape` says so.
 */
export function streamRows(
  input: Readable,
  fileName: string,
  json: { listOf: (data: unknown) => unknown[] | null; wrongShape: string },
): StreamedFeed {
  const hash = createHash('sha256');
  let digest: string | undefined;
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  async function* hashed(first: IteratorResult<Buffer | string>): AsyncGenerator<Buffer | string> {
    for (let next = first; !next.done; next = await chunks.next()) {
      hash.update(next.value);
      yield next.value;
    }
    digest = hash.digest('hex');
  }
  async function* rows(): AsyncGenerator<SourceRow> {
    const first = await chunks.next();
    const head = first.done ? '' : String(first.value).slice(0, 64);
    const body = Readable.from(hashed(first));
    if (/\.(ndjson|jsonl)$/i.test(fileName)) yield* ndjsonRows(body, fileName);
    else if (/\.json$/i.test(fileName) || /^\uFEFF?\s*[[{]/.test(head)) yield* jsonDocumentRows(body, fileName, json);
    else yield* csvRows(body, fileName);
  }
  return {
    rows: rows(),
    contentHash: () => {
      if (digest === undefined) throw new Error('contentHash() before the feed was read to its end');
      return digest;
    },
  };
}

async function* csvRows(body: Readable, fileName: string): AsyncGenerator<SourceRow> {
  const parser = parseStream({
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    skip_empty_lines: true,
    info: true,
  });
  body.on('error', (error) => parser.destroy(error));
  body.pipe(parser);
  let row = 0;
  let next: IteratorResult<{ record: Record<string, string>; info: { lines: number } }>;
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{
    record: Record<string, string>;
    info: { lines: number };
  }>;
  for (;;) {
    try {
      next = await records.next();
    } catch (error) {
      throw new FileFormatError(
        `${fileName} is not a readable CSV file: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (next.done) return;
    yield { row: ++row, line: next.value.info.lines, values: next.value.record };
  }
}

async function* ndjsonRows(body: Readable, fileName: string): AsyncGenerator<SourceRow> {
  let line = 0;
  let row = 0;
  for await (const text of createInterface({ input: body, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    let item: unknown;
    try {
      item = JSON.parse(line === 1 ? text.replace(/^\uFEFF/, '') : text);
    } catch (error) {
      throw new FileFormatError(
        `${fileName} line ${line} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    yield { row: ++row, line, values: objectOrEmpty(item) };
  }
}

async function* jsonDocumentRows(
  body: Readable,
  fileName: string,
  json: { listOf: (data: unknown) => unknown[] | null; wrongShape: string },
): AsyncGenerator<SourceRow> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const part = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += part.length;
    if (size > MAX_JSON_DOCUMENT_BYTES)
      throw new FileFormatError(
        `${fileName} is a JSON document over ${MAX_JSON_DOCUMENT_BYTES / 2 ** 20} MB: send a feed this large as CSV, or as NDJSON (one JSON record per line, named .ndjson).`,
      );
    parts.push(part);
  }
  const list = json.listOf(readJson(Buffer.concat(parts).toString('utf8'), fileName));
  if (!list) throw new FileFormatError(json.wrongShape);
  for (const [i, item] of list.entries()) yield { row: i + 1, values: objectOrEmpty(item) };
}

function objectOrEmpty(item: unknown): Record<string, unknown> {
  return item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
}

export function readJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FileFormatError(
      `${fileName} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Column or key names compared loosely: "Birth Year", "birth_year" and "birthYear" are the same field. */
export const looseKey = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The column a contract issue's path names, as the file spells it (`facility.phone` → "Facility Phone"). */
export function columnOf(path: PropertyKey[], names: Map<string, string>): string {
  const loose = looseKey(path.filter((p) => typeof p === 'string').join(''));
  return names.get(loose) ?? (path.map(String).join('.') || 'record');
}
