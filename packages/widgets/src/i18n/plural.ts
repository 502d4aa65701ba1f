// Plural forms by the language's CLDR rules (Intl.PluralRules): `#` in the chosen form is the number.
// Forms a language does not use may be left out; `other` is always there.
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export function pluralFor(lang: string): (n: number, forms: PluralForms) => string {
  const rules = new Intl.PluralRules(lang);
  return (n, forms) => (forms[rules.select(n)] ?? forms.other).replace('#', String(n));
}
