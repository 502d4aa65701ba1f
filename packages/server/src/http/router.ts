// Route matching for the contract's route table plus extra (non-contract) routes.
import { routes, type RouteDef, type RouteName } from '@referral-kit/sdk';
import type { ExtraRoute } from './types.js';

export type Matched =
  | { kind: 'contract'; name: RouteName; def: RouteDef; params: Record<string, string> }
  | { kind: 'extra'; route: ExtraRoute; params: Record<string, string> };

export type MatchResult = Matched | { kind: 'method-not-allowed'; allow: string[] } | { kind: 'not-found' };

interface Entry {
  method: string;
  pattern: RegExp;
  keys: string[];
  target: { kind: 'contract'; name: RouteName; def: RouteDef } | { kind: 'extra'; route: ExtraRoute };
}

function compile(template: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const key = /^\{(\w+)\}$/.exec(part)?.[1];
      if (key) {
        keys.push(key);
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), keys };
}

export class Router {
  private readonly entries: Entry[] = [];

  constructor(extraRoutes: readonly ExtraRoute[] = []) {
    for (const [name, def] of Object.entries(routes) as [RouteName, RouteDef][]) {
      this.entries.push({ method: def.method, ...compile(def.path), target: { kind: 'contract', name, def } });
    }
    for (const route of extraRoutes) {
      if (this.entries.some((e) => e.method === route.method && e.pattern.test(route.path))) {
        throw new Error(`Extra route ${route.method} ${route.path} collides with an existing route`);
      }
      this.entries.push({ method: route.method, ...compile(route.path), target: { kind: 'extra', route } });
    }
  }

  /** `pathname` is the raw (still percent-encoded) path. */
  match(method: string, pathname: string): MatchResult {
    const allow = new Set<string>();
    for (const entry of this.entries) {
      const m = entry.pattern.exec(pathname);
      if (!m) continue;
      if (entry.method !== method && !(method === 'HEAD' && entry.method === 'GET')) {
        allow.add(entry.method);
        continue;
      }
      const params: Record<string, string> = {};
      try {
        entry.keys.forEach((key, i) => (params[key] = decodeURIComponent(m[i + 1]!)));
      } catch {
        return { kind: 'not-found' };
      }
      return entry.target.kind === 'contract'
        ? { kind: 'contract', name: entry.target.name, def: entry.target.def, params }
        : { kind: 'extra', route: entry.target.route, params };
    }
    if (allow.size > 0) return { kind: 'method-not-allowed', allow: [...allow].sort() };
    return { kind: 'not-found' };
  }
}
