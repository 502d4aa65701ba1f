// npm run openapi: writes packages/sdk/openapi.json from the route table (see packages/sdk/src/openapi.ts).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createOpenApiDocument, toStableJson } from '@referral-kit/sdk/openapi';

const OPENAPI_FILE = fileURLToPath(new URL('../packages/sdk/openapi.json', import.meta.url));

writeFileSync(OPENAPI_FILE, toStableJson(createOpenApiDocument()));
console.log(`wrote ${OPENAPI_FILE}`);
