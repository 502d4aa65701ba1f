// The built-in languages. Each file registers itself; a partner adds one with `registerCatalog` (one file).
import './es.js';
import './ar.js';

export { catalogFor, registerCatalog, registeredLanguages, type Catalog } from './registry.js';
