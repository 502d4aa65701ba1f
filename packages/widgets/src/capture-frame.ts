// The script of the isolated-capture frame (`dist/referral-kit.capture.js`, served by the API at /embed/capture):
// the contact field (and a callback request's name and note) live here, on the API's origin, so no script on the
// partner page can read what is typed. The page sends texts, the chosen channel and the rest of the request; this
// frame sends the request to the API itself and tells the page only its height, field errors and the answer's ids.
// It stores nothing. It calls two routes, and so carries only the alert and callback parts of the contract.
import {
  CALLBACK_CONTACT_CHANNEL,
  alertRoutes,
  callbackRoutes,
  createRouteCaller,
  normalizeContact,
  type AlertChannel,
} from '@referral-kit/sdk';
import { BASE_CSS } from './internal/base-css.js';
import {
  CAPTURE_PATH,
  CAPTURE_TOKENS,
  CHANNEL_ID,
  onChannel,
  themeValue,
  type CaptureCallback,
  type CaptureError,
  type CaptureField,
  type CaptureSubscribe,
  type FrameMessage,
  type PageMessage,
} from './internal/capture-protocol.js';

/** The page's origin when this frame sits directly in a page of that origin, as the URL claims; else undefined. */
function pageOrigin(params: URLSearchParams, channel: string): string | undefined {
  const claimed = params.get('parent') ?? '';
  if (window.parent === window || !CHANNEL_ID.test(channel)) return undefined;
  try {
    if (new URL(claimed).origin !== claimed) return undefined;
  } catch {
    return undefined;
  }
  // Chromium and WebKit say who really embeds us; elsewhere the pinned postMessage origin is the check.
  const ancestors = location.ancestorOrigins as DOMStringList | undefined;
  return !ancestors || ancestors[0] === claimed ? claimed : undefined;
}

function start(): void {
  const params = new URLSearchParams(location.search);
  const channel = params.get('channel') ?? '';
  const origin = pageOrigin(params, channel);
  if (!origin) return; // not framed by the page the URL names: render nothing
  const post = (message: FrameMessage) => window.parent.postMessage({ ...message, channel }, origin);
  const apiBase = location.origin + location.pathname.slice(0, -CAPTURE_PATH.length);

  const root = document.documentElement;
  const text = (name: keyof CaptureField) => params.get(name) ?? '';
  const lang = text('lang');
  if (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) root.lang = lang;
  root.dir = text('dir') === 'rtl' ? 'rtl' : 'ltr';
  for (const token of CAPTURE_TOKENS) {
    const value = themeValue(token, params.get(token) ?? '');
    if (value) root.style.setProperty(`--referral-${token}`, value);
  }
  // The widget's own styles, with the document in the place of the shadow host; room around for the focus ring.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${BASE_CSS.replaceAll(':host', ':root')} body{margin:0;padding:6px} .field:last-child{margin:0}`);
  document.adoptedStyleSheets = [sheet];

  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, id: string, className = '') =>
    Object.assign(document.createElement(tag), { id, className });
  const label = make('label', 'contact-label');
  const hint = make('span', 'contact-hint', 'hint');
  const error = make('span', 'contact-error', 'error');
  const input = make('input', 'contact');
  Object.assign(input, { name: 'contact', autocomplete: 'off', spellcheck: false });
  label.htmlFor = input.id;
  label.textContent = text('label');
  hint.textContent = text('hint');
  error.textContent = text('error');
  input.type = input.inputMode = text('type') === 'tel' ? 'tel' : 'email';
  const box = make('div', 'field', 'field');
  box.append(label, input);
  document.body.append(box);

  /** An optional free-text field of a callback request (name, note), built like the page's own. */
  const optionalField = (name: 'name' | 'note', tag: 'input' | 'textarea', maxLength: number) => {
    const field = make(tag, name);
    Object.assign(field, { name, maxLength, autocomplete: 'off' });
    const fieldLabel = make('label', `${name}-label`);
    fieldLabel.htmlFor = field.id;
    fieldLabel.append(
      `${text(`${name}Label`)} `,
      Object.assign(make('span', '', 'hint'), { textContent: text('optional') }),
    );
    const fieldHint = Object.assign(make('span', `${name}-hint`, 'hint'), { textContent: text(`${name}Hint`) });
    field.setAttribute('aria-describedby', fieldHint.id);
    const fieldBox = make('div', '', 'field');
    fieldBox.append(fieldLabel, fieldHint, field);
    document.body.append(fieldBox);
    return field;
  };
  const callbackForm = params.has('noteLabel');
  const name = callbackForm ? optionalField('name', 'input', 60) : undefined;
  const note = callbackForm ? optionalField('note', 'textarea', 1000) : undefined;

  // Like the page's own fields: the error shows from a failed submit until the next one.
  const showInvalid = (invalid: boolean) => {
    const shown = [hint.textContent ? hint : undefined, invalid ? error : undefined].filter(
      (node) => node !== undefined,
    );
    for (const node of [hint, error]) if (!shown.includes(node)) node.remove();
    input.before(...shown);
    input.setAttribute('aria-invalid', String(invalid));
    if (shown.length) input.setAttribute('aria-describedby', shown.map((node) => node.id).join(' '));
    else input.removeAttribute('aria-describedby');
  };

  const fail = (error: CaptureError) => post({ kind: 'failed', error });
  /** Checks the contact for `channel`, sends with `send`, and reports a failure by field paths only. */
  async function submit(channel: AlertChannel, send: (contact: string) => Promise<FrameMessage>) {
    const contact = input.value.trim();
    if (!normalizeContact(channel, contact)) {
      showInvalid(true);
      fail({ name: 'ValidationError', fields: [{ path: 'contact' }] });
      return;
    }
    showInvalid(false);
    try {
      post(await send(contact));
    } catch (caught) {
      const {
        name = 'Error',
        status,
        code,
        fields = [],
      } = caught as { name?: unknown; status?: unknown; code?: unknown; fields?: { path: unknown }[] };
      const paths = fields.map(({ path }) => ({ path: String(path) }));
      if (paths.some(({ path }) => path.startsWith('contact'))) showInvalid(true);
      fail({
        name: String(name),
        status: Number(status) || undefined,
        code: typeof code === 'string' ? code : undefined,
        fields: paths,
      });
    }
  }
  const caller = (partnerId?: string) =>
    createRouteCaller({ baseUrl: apiBase, partnerId: partnerId || undefined }).call;
  const subscribe = (request: CaptureSubscribe, partnerId?: string) =>
    submit(request.channel, async (contact) => {
      const accepted = await caller(partnerId)(alertRoutes.subscribe, { body: { ...request, contact } });
      return { kind: 'accepted', confirmationId: accepted.confirmationId, expiresInSeconds: accepted.expiresInSeconds };
    });
  const requestCallback = (request: CaptureCallback, partnerId?: string) =>
    submit(CALLBACK_CONTACT_CHANNEL[request.channel], async (contact) => {
      const typed = (field: HTMLInputElement | HTMLTextAreaElement | undefined) => field?.value.trim() || undefined;
      const body = { ...request, contact, name: typed(name), note: typed(note) };
      const accepted = await caller(partnerId)(callbackRoutes.requestCallback, { body });
      return { kind: 'requested', reference: accepted.reference, cancelToken: accepted.cancelToken };
    });

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== origin) return;
    const message = onChannel(event.data, channel) as PageMessage | undefined;
    if (message?.kind === 'subscribe') void subscribe(message.request, message.partnerId);
    else if (message?.kind === 'request-callback') void requestCallback(message.request, message.partnerId);
    else if (message?.kind === 'focus') input.focus();
  });
  new ResizeObserver(() => post({ kind: 'size', height: Math.ceil(root.getBoundingClientRect().height) })).observe(
    root,
  );
  showInvalid(false);
}

start();
