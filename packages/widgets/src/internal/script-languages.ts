// The embed's language loader: a language other than English is a small classic script next to the embed
// (`referral-kit.lang.es.js`; the callbacks embed also fetches `referral-kit.lang.es.callback.js`, the local-search
// embed `referral-kit.lang.es.vocabulary.js`: an embed's build lists the files it needs, with their hashes, in
// language-files.ts), fetched from the embed's own origin only when a widget needs it, checked with the SRI hash
// built into the embed, without cookies or referrer. Under Trusted Types its URL goes through a policy named
// `referral-kit` that accepts these files only. A file that fails, is refused or takes too long leaves the whole
// language in English.
import { setLanguageLoader, type LanguagePack } from '../i18n/registry.js';
import { LANGUAGE_EVENT, type LanguagePart } from './language-file.js';
import { LANGUAGE_FILES } from './language-files.js';

/** After this long the widget shows English rather than nothing (a late file is then ignored). */
export const LANGUAGE_TIMEOUT_MS = 4000;

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
type TrustedTypes = { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy };

// Read while the embed runs: afterwards `currentScript` is another script or null.
const embedUrl = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : '';
const fileUrl = (file: string) => new URL(file, embedUrl).href;
let policy: ScriptUrlPolicy | undefined;

function scriptUrl(url: string): string {
  const trustedTypes = (window as { trustedTypes?: TrustedTypes }).trustedTypes;
  if (!trustedTypes) return url;
  policy ??= trustedTypes.createPolicy('referral-kit', {
    createScriptURL(candidate) {
      const known = Object.values(LANGUAGE_FILES).some((files) =>
        Object.values(files).some(([file]) => fileUrl(file) === candidate),
      );
      if (!known) throw new TypeError(`referral-kit loads only its language files, not ${candidate}`);
      return candidate;
    },
  });
  return policy.createScriptURL(url) as string; // a TrustedScriptURL, which `src` takes
}

function loadFile([file, integrity]: readonly [string, string]): Promise<LanguagePart | undefined> {
  return new Promise((resolve) => {
    const script = document.createElement('script');
    let part: LanguagePart | undefined;
    const settle = () => {
      clearTimeout(timer);
      script.remove();
      resolve(part);
    };
    const timer = setTimeout(() => {
      part = undefined;
      settle();
    }, LANGUAGE_TIMEOUT_MS);
    script.addEventListener(LANGUAGE_EVENT, (event) => (part ??= (event as CustomEvent<LanguagePart>).detail), {
      once: true,
    });
    script.addEventListener('load', settle, { once: true });
    script.addEventListener('error', settle, { once: true }); // also what an SRI mismatch fires
    script.integrity = integrity;
    script.crossOrigin = 'anonymous';
    script.referrerPolicy = 'no-referrer';
    try {
      script.src = scriptUrl(fileUrl(file));
    } catch {
      settle(); // Trusted Types refused: the page's policy does not allow the name `referral-kit`
      return;
    }
    document.head.append(script);
  });
}

async function loadLanguage(lang: string): Promise<LanguagePack | undefined> {
  const files = Object.entries(LANGUAGE_FILES[lang] ?? {});
  if (!embedUrl) return undefined;
  const loaded = await Promise.all(files.map(([, file]) => loadFile(file)));
  const pack = Object.assign({}, ...loaded) as LanguagePart;
  // All or nothing: a form half in one language and half in English is worse than English.
  return pack.catalog && files.every(([part]) => pack[part as keyof LanguagePack])
    ? { ...pack, catalog: pack.catalog }
    : undefined;
}

setLanguageLoader(Object.keys(LANGUAGE_FILES), loadLanguage);
