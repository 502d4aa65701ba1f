// Which team gets a request: the most specific region match (ZIP prefix, then state, then a fallback team), and
// among equally specific teams one that speaks the visitor's language. Teams are few: matched in memory.
import type { Db } from '../db/types.js';

export interface Team {
  id: string;
  name: string;
  states: string[];
  zipPrefixes: string[];
  languages: string[];
  fallback: boolean;
}

export interface RoutingInput {
  state?: string;
  zip?: string;
  /** Primary language subtag (`es`), or undefined when an interpreter is needed (no team speaks it for sure). */
  language?: string;
}

export function chooseTeam(teams: readonly Team[], input: RoutingInput): Team | undefined {
  let best: { team: Team; score: number } | undefined;
  for (const team of [...teams].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const zipMatch = input.zip !== undefined && team.zipPrefixes.some((prefix) => input.zip!.startsWith(prefix));
    const stateMatch = input.state !== undefined && team.states.includes(input.state);
    const region = zipMatch ? 3 : stateMatch ? 2 : team.fallback ? 1 : 0;
    if (region === 0) continue;
    const score = region * 2 + (input.language !== undefined && team.languages.includes(input.language) ? 1 : 0);
    if (!best || score > best.score) best = { team, score };
  }
  return best?.team;
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export async function loadTeams(db: Db): Promise<Team[]> {
  const rows = await db.query<{
    id: string;
    name: string;
    states: string;
    zip_prefixes: string;
    languages: string;
    fallback: number;
  }>('SELECT id, name, states, zip_prefixes, languages, fallback FROM callback_teams ORDER BY id');
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    states: list(r.states),
    zipPrefixes: list(r.zip_prefixes),
    languages: list(r.languages),
    fallback: Number(r.fallback) === 1,
  }));
}

/** Creates or replaces a team (CLI, demo seed, tests). */
export async function saveTeam(db: Db, team: Team, now: Date): Promise<void> {
  await db.run(
    `INSERT INTO callback_teams (id, name, states, zip_prefixes, languages, fallback, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, states = excluded.states, zip_prefixes = excluded.zip_prefixes,
       languages = excluded.languages, fallback = excluded.fallback`,
    [
      team.id,
      team.name,
      team.states.join(','),
      team.zipPrefixes.join(','),
      team.languages.join(','),
      team.fallback ? 1 : 0,
      now.toISOString(),
    ],
  );
}
