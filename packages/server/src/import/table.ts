// Reading CSV tables and JSON arrays into rows with their position, for row-level reports.
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
