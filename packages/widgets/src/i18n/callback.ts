// Strings of the callback request, in their own module so that embeds built without callbacks leave them out.
// Other languages' callback strings travel in their language packs (lang/*.ts); without them, English.
import { callbackStringsFor } from './registry.js';

const en = {
  tab: 'Talk to a specialist',
  ask: 'Ask a specialist about this',
  heading: 'Talk to a specialist',
  intro: 'A specialist can call, text or email you at a time that is safe for you. It is free and confidential.',
  about: 'About:',
  topic: 'What would you like to talk about?',
  topics: {
    'safety-concern': 'I am worried about my safety',
    'custody-status': 'Understanding a custody status or the removal process',
    'service-referral': 'Finding a service that can help me',
    'releasable-information': 'What information about this person can be released',
    other: 'Something else',
  },
  channel: 'How should we reach you?',
  channels: { call: 'Phone call', text: 'Text message', email: 'Email', tty: 'TTY' },
  warning: 'Use a phone number or email that only you can see.',
  windows: 'When is it safe to reach you?',
  windowsHint: (zone: string) => `Times are in your time zone (${zone}).`,
  windowNames: {
    morning: 'Morning (8 am to noon)',
    afternoon: 'Afternoon (noon to 5 pm)',
    evening: 'Evening (5 pm to 9 pm)',
  },
  leaveMessage: 'If you do not answer, may we leave a message?',
  leaveNo: 'No, do not leave a message',
  leaveYes: 'Yes, but only: “Hello, this is a courtesy call about your request.”',
  language: 'Language',
  otherLanguage: 'Another language (we will bring an interpreter)',
  interpreterLanguage: 'Which language do you speak?',
  name: 'What should we call you?',
  nameHint: 'Any name you like.',
  note: 'Anything we should know first?',
  noteHint: 'Do not write anything you would not want someone else to read.',
  submit: 'Ask for a callback',
  errors: {
    topic: 'Choose what you would like to talk about.',
    windows: 'Choose at least one time that is safe.',
    interpreterLanguage: 'Write the name of the language.',
  },
  doneHeading: 'Your request was received',
  referenceLabel: 'Your reference is:',
  doneBody: {
    call: 'A specialist will call you at the times you chose.',
    text: 'We also sent the reference in a text message. A specialist will contact you at the times you chose.',
    email: 'We also sent the reference by email. A specialist will contact you at the times you chose.',
    tty: 'A specialist will call you by TTY at the times you chose.',
  },
  keepReference: 'Keep the reference somewhere safe, or write it down. This page will not remember it.',
  cancel: 'Cancel this request',
  cancelled: 'Your request is cancelled',
};

export type CallbackCatalog = typeof en;

/** The callback strings for the language `catalogFor` settles on (`es-MX` → `es`). */
export function callbackCatalogFor(lang: string): CallbackCatalog {
  return callbackStringsFor(lang) ?? en;
}
