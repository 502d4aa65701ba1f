// The directory's filters: category, language, distance (only with the partner's ZIP), open now, open 24/7. Each
// change goes to the element as a patch, which searches again.
import { html, nothing, type TemplateResult } from 'lit';
import { SERVICE_CATEGORIES } from '@referral-kit/sdk';
import type { Catalog } from '../i18n/index.js';
import { languageName } from './format.js';

const DISTANCES_MILES = [5, 10, 25, 50, 100];
/** Languages offered in the filter; names come from Intl.DisplayNames in the visitor's language. */
const FILTER_LANGUAGES = ['en', 'es', 'zh', 'vi', 'ar', 'ko', 'ru', 'fr', 'ht', 'tl', 'pt', 'so'];

export interface Filters {
  category: string;
  language: string;
  /** 0: any distance. */
  radiusMiles: number;
  openNow: boolean;
  open24x7: boolean;
}

/** A select whose first option is "Any" (value ''); `pick` gets the chosen value. */
function filterSelect(
  id: string,
  label: string,
  any: string,
  selected: string,
  options: ReadonlyArray<readonly [value: string, label: string]>,
  pick: (value: string) => void,
): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} @change=${(e: Event) => pick((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!selected}>${any}</option>
      ${options.map(([value, text]) => html`<option value=${value} ?selected=${selected === value}>${text}</option>`)}
    </select>
  </div>`;
}

function filterCheck(label: string, checked: boolean, pick: (checked: boolean) => void): TemplateResult {
  return html`<label class="choice"
    ><input
      type="checkbox"
      .checked=${checked}
      @change=${(e: Event) => pick((e.target as HTMLInputElement).checked)}
    />${label}</label
  >`;
}

export function directoryFilters(
  t: Catalog,
  filters: Filters,
  /** The partner's ZIP is known, so distances mean something. */
  withDistance: boolean,
  change: (patch: Partial<Filters>) => void,
): TemplateResult {
  const d = t.directory;
  return html`<fieldset class="filters columns" part="filters">
    <legend>${d.filters}</legend>
    ${filterSelect(
      'category',
      d.category,
      d.any,
      filters.category,
      SERVICE_CATEGORIES.map((c) => [c, d.categories[c] ?? c]),
      (category) => change({ category }),
    )}
    ${filterSelect(
      'language',
      d.language,
      d.any,
      filters.language,
      FILTER_LANGUAGES.map((l) => [l, languageName(t.lang, l)]),
      (language) => change({ language }),
    )}
    ${
      withDistance
        ? filterSelect(
            'distance',
            d.distance,
            d.any,
            filters.radiusMiles ? String(filters.radiusMiles) : '',
            DISTANCES_MILES.map((m) => [String(m), d.withinMiles(m)]),
            (miles) => change({ radiusMiles: Number(miles) }),
          )
        : nothing
    }
    <div class="field">
      ${filterCheck(d.openNow, filters.openNow, (openNow) => change({ openNow }))}
      ${filterCheck(d.open24x7, filters.open24x7, (open24x7) => change({ open24x7 }))}
    </div>
  </fieldset>`;
}
