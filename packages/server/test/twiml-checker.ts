// A small TwiML checker for tests: the document must be well-formed XML, and use only the verbs, nesting and
// attributes (with values of the right shape) that Twilio documents for them (twilio.com/docs/voice/twiml and
// /docs/messaging/twiml). Anything else, Twilio would refuse at call time ("Document parse failure", 12100/12200).

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, at: number): string {
  return text.replace(/&([^;\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`bare & at ${at}`);
    if (name in ENTITIES) return ENTITIES[name]!;
    const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#(\d+)$/.exec(name)?.[1];
    if (code === undefined) throw new Error(`unknown entity &${name}; at ${at}`);
    return String.fromCodePoint(name.startsWith('#x') ? parseInt(code, 16) : Number(code));
  });
}

/** Parses an XML document (declaration, elements, attributes, text, entities); throws when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const declaration = /^<\?xml[^?]*\?>/.exec(xml);
  if (declaration) i = declaration[0].length;
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
  };
  const name = () => {
    const m = /^[A-Za-z_][\w.-]*/.exec(xml.slice(i));
    if (!m) throw new Error(`expected a name at ${i}`);
    i += m[0].length;
    return m[0];
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') throw new Error(`expected < at ${i}`);
    i++;
    const el: XmlElement = { name: name(), attributes: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      const attr = name();
      if (xml[i] !== '=' || (xml[i + 1] !== '"' && xml[i + 1] !== "'"))
        throw new Error(`attribute ${attr} without a quoted value at ${i}`);
      const quote = xml[i + 1]!;
      const end = xml.indexOf(quote, i + 2);
      if (end < 0) throw new Error(`unterminated attribute ${attr}`);
      const raw = xml.slice(i + 2, end);
      if (raw.includes('<')) throw new Error(`< in attribute ${attr}`);
      if (attr in el.attributes) throw new Error(`duplicate attribute ${attr}`);
      el.attributes[attr] = decode(raw, i);
      i = end + 1;
    }
    for (;;) {
      const next = xml.indexOf('<', i);
      if (next < 0) throw new Error(`unclosed <${el.name}>`);
      el.text += decode(xml.slice(i, next), i);
      i = next;
      if (xml.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) throw new Error(`</${closing}> closes <${el.name}>`);
        skipSpace();
        if (xml[i] !== '>') throw new Error(`expected > at ${i}`);
        i++;
        return el;
      }
      el.children.push(element());
    }
  };
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== xml.length) throw new Error(`content after the root element at ${i}`);
  return root;
}

type Check = (value: string) => boolean;
const url: Check = (v) => /^https:\/\/[^\s]+$/.test(v);
const positive: Check = (v) => /^[1-9]\d*$/.test(v);
const bool: Check = (v) => v === 'true' || v === 'false';
const method: Check = (v) => v === 'GET' || v === 'POST';
const any: Check = () => true;
const e164: Check = (v) => /^\+[1-9]\d{7,14}$/.test(v);

interface VerbRule {
  attributes: Record<string, Check>;
  children: string[];
  /** What the element's own text must be: none, any non-empty text, or a particular shape. */
  text: 'none' | Check;
}

const VOICE_VERBS = ['Say', 'Play', 'Pause', 'Gather', 'Dial', 'Hangup', 'Redirect'];

const RULES: Record<string, VerbRule> = {
  Say: {
    attributes: { voice: any, language: (v) => /^[a-z]{2,3}-[A-Z]{2}$/.test(v), loop: (v) => /^\d+$/.test(v) },
    children: [],
    text: (v) => v.trim().length > 0,
  },
  Play: { attributes: { loop: (v) => /^\d+$/.test(v), digits: (v) => /^[0-9w*#]+$/.test(v) }, children: [], text: any },
  Pause: { attributes: { length: positive }, children: [], text: 'none' },
  Gather: {
    attributes: {
      action: url,
      method,
      timeout: positive,
      numDigits: positive,
      finishOnKey: (v) => /^[0-9*#]?$/.test(v),
      input: (v) => ['dtmf', 'speech', 'dtmf speech'].includes(v),
      actionOnEmptyResult: bool,
      language: any,
      hints: any,
      speechTimeout: any,
      profanityFilter: bool,
      speechModel: any,
      enhanced: bool,
      bargeIn: bool,
      partialResultCallback: url,
      partialResultCallbackMethod: method,
      debug: bool,
    },
    children: ['Say', 'Play', 'Pause'],
    text: 'none',
  },
  Dial: {
    attributes: {
      action: url,
      method,
      timeout: positive,
      hangupOnStar: bool,
      timeLimit: positive,
      callerId: any,
      record: any,
      answerOnBridge: bool,
      ringTone: any,
      trim: any,
      sequential: bool,
    },
    children: ['Number'],
    text: (v) => v.trim() === '' || e164(v.trim()),
  },
  Number: {
    attributes: {
      sendDigits: (v) => /^[0-9w*#]+$/.test(v),
      url,
      method,
      statusCallback: url,
      statusCallbackMethod: method,
      statusCallbackEvent: any,
      byoc: any,
    },
    children: [],
    text: e164,
  },
  Hangup: { attributes: {}, children: [], text: 'none' },
  Redirect: { attributes: { method }, children: [], text: url },
  Message: {
    attributes: { to: any, from: any, action: url, method, statusCallback: url },
    children: [],
    text: (v) => v.trim().length > 0,
  },
};

/** Every problem with a TwiML document; empty when Twilio would accept it. */
export function twimlProblems(xml: string, kind: 'voice' | 'messaging'): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [`not well-formed: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (root.name !== 'Response') problems.push(`root is <${root.name}>, not <Response>`);
  if (Object.keys(root.attributes).length) problems.push('<Response> takes no attributes');
  if (root.text.trim()) problems.push('<Response> holds text');
  const allowed = kind === 'voice' ? VOICE_VERBS : ['Message', 'Redirect'];
  const visit = (el: XmlElement, allowedHere: string[], parent: string) => {
    const rule = RULES[el.name];
    if (!rule || !allowedHere.includes(el.name)) {
      problems.push(`<${el.name}> is not allowed in <${parent}>`);
      return;
    }
    for (const [attr, value] of Object.entries(el.attributes)) {
      const check = rule.attributes[attr];
      if (!check) problems.push(`<${el.name}> has no attribute ${attr}`);
      else if (!check(value)) problems.push(`<${el.name} ${attr}="${value}"> is not a valid value`);
    }
    if (rule.text === 'none' ? el.text.trim() !== '' : !rule.text(el.text))
      problems.push(`<${el.name}> has invalid text "${el.text}"`);
    for (const child of el.children) visit(child, rule.children, el.name);
  };
  for (const child of root.children) visit(child, allowed, 'Response');
  return problems;
}
