// Registers this language's strings and search words when imported (for bundles that want it built in rather than fetched on demand).
import { callback, catalog, vocabulary } from './lang/tl.js';
import { registerCatalog } from './registry.js';

registerCatalog(catalog, callback, vocabulary);
