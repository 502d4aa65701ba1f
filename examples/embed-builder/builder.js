// The embed builder: form → live preview (the real widget on this page) → snippet with the bundle's SRI hash.
import { CATEGORIES, buildSnippet, contrastRatio } from './snippet.js';

const form = document.getElementById('options');
const preview = document.getElementById('preview');
const snippet = document.getElementById('snippet');
const field = (id) => document.getElementById(id);

/** The two embed files: searches on the API server, or in the visitor's browser (with the search engine inside). */
const BUNDLES = {
  server: '/packages/widgets/dist/referral-kit.js',
  device: '/packages/widgets/dist/referral-kit.local-search.js',
};
const searchWhere = () => form.querySelector('input[name=search-where]:checked').value;
const showBundle = () => (field('script').value = new URL(BUNDLES[searchWhere()], location.href).href);
showBundle();

const categoryBox = field('categories');
for (const slug of CATEGORIES) {
  const label = document.createElement('label');
  label.className = 'check';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.name = 'category';
  box.value = slug;
  label.append(box, ` ${slug.replace(/-/g, ' ')}`);
  categoryBox.append(label);
}

// The hashes the build wrote next to the bundles (scripts/sri.mjs); without one the snippet has no integrity.
const integrity = { server: '', device: '' };
const sriLoaded = Promise.all(
  Object.entries(BUNDLES).map(([where, path]) =>
    fetch(`${path}.sri`, { cache: 'no-store' })
      .then((r) => (r.ok ? r.text() : ''))
      .then((text) => (integrity[where] = /^sha(256|384|512)-[A-Za-z0-9+/=]+$/.test(text.trim()) ? text.trim() : ''))
      .catch(() => ''),
  ),
);

function options() {
  const near = field('near').value.trim();
  return {
    scriptUrl: field('script').value.trim(),
    integrity: integrity[searchWhere()],
    apiBaseUrl: field('api').value.trim(),
    partnerId: field('partner').value.trim(),
    lang: field('lang').value,
    near: /^\d{5}$/.test(near) ? near : '',
    categories: [...form.querySelectorAll('input[name=category]:checked')].map((box) => box.value),
    capture: form.querySelector('input[name=capture]:checked').value,
    colors: {
      primary: field('color-primary').value,
      surface: field('color-surface').value,
      text: field('color-text').value,
    },
  };
}

function setAttr(name, value) {
  if (value) preview.setAttribute(name, value);
  else preview.removeAttribute(name);
}

function update() {
  const o = options();
  setAttr('api-base-url', o.apiBaseUrl);
  setAttr('partner-id', o.partnerId);
  setAttr('lang', o.lang);
  setAttr('near', o.near);
  setAttr('categories', o.categories.join(','));
  setAttr('capture', o.capture);
  // CSSOM, not a style attribute: allowed under this page's style-src 'self'.
  for (const [name, value] of Object.entries(o.colors)) preview.style.setProperty(`--referral-color-${name}`, value);
  const text = contrastRatio(o.colors.text, o.colors.surface);
  const button = contrastRatio('#ffffff', o.colors.primary);
  field('contrast').textContent =
    text >= 4.5 && button >= 4.5
      ? `Contrast OK (text ${text.toFixed(1)}:1, buttons ${button.toFixed(1)}:1).`
      : `Low contrast (text ${text.toFixed(1)}:1, buttons ${button.toFixed(1)}:1): choose colours with at least 4.5:1.`;
  snippet.value = buildSnippet(o);
}

for (const radio of form.querySelectorAll('input[name=search-where]')) radio.addEventListener('change', showBundle);
form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (event) => event.preventDefault());
field('copy').addEventListener('click', async () => {
  snippet.select();
  try {
    await navigator.clipboard.writeText(snippet.value);
    field('copied').textContent = 'Copied.';
  } catch {
    field('copied').textContent = 'Press Ctrl+C (or ⌘C) to copy the selected snippet.';
  }
});
update();
sriLoaded.then(update);
