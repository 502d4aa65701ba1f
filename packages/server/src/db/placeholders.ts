// `$1, $2 …` placeholders (the PostgreSQL style every module writes): rewritten for SQLite's positional `?`, or
// renumbered so a statement sends only the parameters it names.
import type { SqlParam } from './types.js';

/** Rewrites each `$n` outside quoted strings and identifiers with `replace(n - 1)` (a zero-based index). */
function rewritePlaceholders(sql: string, replace: (index: number) => string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (quote) {
      out += ch;
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '$' && /[0-9]/.test(sql[i + 1] ?? '')) {
      let j = i + 1;
      while (j < sql.length && /[0-9]/.test(sql[j]!)) j++;
      out += replace(Number(sql.slice(i + 1, j)) - 1);
      i = j - 1;
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * Rewrites `$n` outside quoted strings and identifiers to `?`. `order[k]` is the zero-based parameter index
 * bound to the k-th `?` (a `$n` may appear several times or out of order).
 */
export function toPositional(sql: string): { sql: string; order: number[] } {
  const order: number[] = [];
  const positional = rewritePlaceholders(sql, (index) => {
    order.push(index);
    return '?';
  });
  return { sql: positional, order };
}

/**
 * The statement with only the parameters its text names, renumbered in order of first use: PostgreSQL refuses a
 * parameter the text never names (it cannot tell its type), and a statement built from optional parts may leave
 * some out.
 */
export function onlyNamedParams(sql: string, params: readonly SqlParam[]): { sql: string; params: SqlParam[] } {
  const kept: SqlParam[] = [];
  const renumbered = new Map<number, number>();
  const text = rewritePlaceholders(sql, (index) => {
    let n = renumbered.get(index);
    if (n === undefined) {
      kept.push(params[index]!);
      n = kept.length;
      renumbered.set(index, n);
    }
    return `$${n}`;
  });
  return { sql: text, params: kept };
}
