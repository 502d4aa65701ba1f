// One import by kind and path, as the CLI runs it inline and a worker runs a queued job.
import { readFile, stat } from 'node:fs/promises';
import type { Clock } from '../clock.js';
import type { Db } from '../db/types.js';
import { enqueueStatusChanges } from '../alerts/index.js';
import { importCustodyFile } from './custody-import.js';
import { importServices } from './services-import.js';
import { importFacilities } from './facility-import.js';
import { FileFormatError } from './table.js';
import type { ImportReport } from './report.js';
import type { Progress } from './progress.js';

export type ImportKind = 'services' | 'custody' | 'facilities';
export const isImportKind = (kind: string | undefined): kind is ImportKind =>
  kind === 'services' || kind === 'custody' || kind === 'facilities';

/** What an operator chooses for one import (kept with a queued job). */
export interface ImportChoices {
  replace: boolean;
  skipInvalid: boolean;
  confirmMassChange: boolean;
  massChangeShare: number;
}

export async function runImport(
  db: Db,
  kind: ImportKind,
  file: string,
  options: ImportChoices & { progress?: Progress; now: Clock },
): Promise<ImportReport> {
  if (kind === 'services') return importServices(db, file, options);
  if ((await stat(file)).isDirectory())
    throw new FileFormatError(
      `${file} is a folder; a ${kind === 'custody' ? 'custody feed' : 'facility file'} is one CSV or JSON file.`,
    );
  if (kind === 'custody') return importCustodyFile(db, file, { ...options, enqueueStatusChanges });
  return importFacilities(db, await readFile(file, 'utf8'), file, options);
}

/** A mistake in the file or its path (the operator's to fix), as opposed to a failure of the server. */
export function isFileProblem(error: unknown): boolean {
  return (
    error instanceof FileFormatError ||
    (error as NodeJS.ErrnoException).code === 'ENOENT' ||
    (error as NodeJS.ErrnoException).code === 'EISDIR'
  );
}
