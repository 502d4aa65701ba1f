// The staff console's script (served at /console/console.js, built by rollup into packages/server/dist/console.js).
// Staff-only: nothing here is part of any visitor embed.
import './staff-console.js';
