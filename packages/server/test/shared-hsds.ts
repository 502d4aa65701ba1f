// The official HSDS 3.0 examples live in ../shared beside the repository on CI and developer machines, not in a
// user's clone: tests that read them skip with this message when they are absent.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const HSDS_EXAMPLES = fileURLToPath(new URL('../../../../shared/hsds/3.0/examples', import.meta.url));
export const SKIP_WITHOUT_HSDS: string | false = existsSync(HSDS_EXAMPLES)
  ? false
  : `HSDS 3.0 examples not found at ${HSDS_EXAMPLES} (<repo>/../shared/hsds/3.0/examples); skipping the tests that read them.`;
