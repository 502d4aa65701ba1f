// `$1, $2 …` placeholders (the PostgreSQL style every module writes) rewritten for SQLite's positional `?`.

/**
 * Rewrites `$n` outside quoted strings and identifiers to `?`. `order[k]` is the zero-based parameter index
 * bound to the k-th `?` (a `$n` may appear several times or out of order).
 */
export function toPositional(sql: string): { sql: string; order: number[] } {
  let out = '';
  const order: number[] = [];
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
      order.push(Number(sql.slice(i + 1, j)) - 1);
      out += '?';
      i = j - 1;
    } else {
      out += ch;
    }
  }
  return { sql: out, order };
}
