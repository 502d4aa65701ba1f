// Registers this language's strings when imported (for bundles that want it built in rather than fetched on demand).
import { callback, catalog } from './lang/ru.js';
import { registerCatalog } from './registry.js';

registerCatalog(catalog, callback);
