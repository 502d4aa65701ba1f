// The in-page search understands English and each language the page has loaded: a language's pack brings its search
// vocabulary, and the page's index learns it on the next search. Its own file: it fills the language registry.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ar, vi } from '@referral-kit/sdk/vocabulary';
import { localSource } from '../src/internal/local-source.js';
import type { DirectoryQuery } from '../src/internal/directory-source.js';
import { languageLoading, registerCatalog, setLanguageLoader } from '../src/i18n/registry.js';
import { catalog as arabic } from '../src/i18n/lang/ar.js';
import { catalog as vietnamese } from '../src/i18n/lang/vi.js';
import { directory } from '../../sdk/test/fixtures/judged-queries.js';

const signal = new AbortController().signal;
const query = (text: string): DirectoryQuery => ({
  text,
  categories: [],
  languages: [],
  openNow: false,
  open24x7: false,
});

describe('in-page search languages', () => {
  const source = localSource(directory, () => new Date('2026-11-30T15:00:00Z'));
  const search = (text: string) => source.search(query(text), signal);
  const firstIsShelter = async (text: string) => {
    const { hits } = await search(text);
    assert.ok(hits[0]?.service.categories.includes('shelter'), `"${text}" → ${hits[0]?.service.id}`);
  };

  it('knows English before any language arrives, and no other language', async () => {
    await firstIsShelter('safe house');
    assert.equal((await search('help now')).crisis, true);
    assert.deepEqual((await search('nhà tạm trú')).hits, []);
    assert.equal((await search('cứu tôi với')).crisis, false);
  });

  it('learns a language’s words when its pack loads, and keeps the ones it knew', async () => {
    setLanguageLoader(['vi'], async () => ({ catalog: vietnamese, vocabulary: vi }));
    await languageLoading('vi');
    await firstIsShelter('nha tam tru');
    const { hits } = await search('nhà tạm trú');
    assert.ok(hits[0]!.service.languages.includes('vi'), 'staff who speak Vietnamese first');
    assert.equal((await search('cứu tôi với')).crisis, true);
    registerCatalog(arabic, undefined, ar);
    await firstIsShelter('مأوى');
    assert.equal((await search('أنا في خطر')).crisis, true);
    await firstIsShelter('nha tam tru');
    await firstIsShelter('safe house');
  });
});
