// English. Written for someone frightened and in a hurry: short sentences, no legal advice, no jargon, no blame.
import type { GuideText } from './index.js';

const VOICE = 'The VOICE line can explain more: 1-855-488-6423.';
const UNSAFE = 'If you feel unsafe, call 911. An advocate on a hotline can help you make a safety plan.';

const en: GuideText = {
  language: 'en',
  reviewed: true,
  statuses: {
    'in-custody': {
      meaning: 'The person is held at the facility shown. They can still make calls and send mail.',
      next: 'They may go to court, be released, or be moved to another facility or to immigration custody.',
      now: 'Sign up for alerts so you hear about any change. While the person is held is a good time to make a safety plan with an advocate.',
      alert: 'The person is held in custody.',
    },
    'immigration-detainer': {
      meaning:
        'The person is in a local jail. Immigration officers have asked the jail to tell them before a release, or to hold the person for a short time so they can take custody.',
      next: 'The person may be handed to immigration detention. The jail may also release them: a hold does not always keep someone in custody.',
      now: `Sign up for alerts and plan for either outcome. ${VOICE}`,
      alert: 'The person is held in a local jail with an immigration hold.',
    },
    'immigration-detention': {
      meaning: 'The person is held in an immigration detention center while their immigration case goes on.',
      next: 'They may stay for weeks or months, be moved to another center, be released on bond or with conditions, or be sent out of the United States.',
      now: `Sign up for alerts. Moves between centers are common, so look again when the record changes. ${VOICE}`,
      alert: 'The person is now in immigration detention.',
    },
    transferred: {
      meaning: 'The person was moved to another facility. They are still held.',
      next: 'The new place can take a day or more to appear. Search again later.',
      now: 'Search again, or call the facility for the new location. Your alerts stay on.',
      alert: 'The person was moved to another facility.',
    },
    released: {
      meaning: 'The person is no longer held and may be in the community.',
      next: 'They may have conditions to follow, such as court dates.',
      now: UNSAFE,
      alert: 'The person was released and may be in the community.',
    },
    'released-on-bond': {
      meaning:
        'Money was paid so the person could leave detention while their case goes on. They may be in the community now.',
      next: 'They must keep going to their hearings. If they do not, they can be detained again.',
      now: `Make or update your safety plan. ${UNSAFE} ${VOICE}`,
      alert: 'Released on bond: the person may be in the community.',
    },
    'released-on-order': {
      meaning:
        'The person left detention on a written order and a promise to follow conditions, such as checking in with officers. They may be in the community now.',
      next: 'If they do not follow the conditions, they can be detained again. Their case goes on.',
      now: `Make or update your safety plan. ${UNSAFE} ${VOICE}`,
      alert: 'Released with conditions: the person may be in the community.',
    },
    supervised: {
      meaning: 'The person is out of custody but must report to an officer, for example on parole or probation.',
      next: 'If they break the conditions, they can be taken back into custody.',
      now: UNSAFE,
      alert: 'The person is out of custody, under supervision.',
    },
    removed: {
      meaning: 'The person was sent out of the United States. They are no longer held here.',
      next: 'Some people try to come back. If you see or hear from the person, you can report it and ask for help.',
      now: `Keep your safety plan. If you are in danger, call 911. ${VOICE}`,
      alert: 'The person was sent out of the United States.',
    },
    'voluntary-departure': {
      meaning: 'The person was allowed to leave the United States on their own, by a set date.',
      next: 'If they do not leave by that date, the record can change. Some people try to come back.',
      now: `Keep your safety plan. If you are in danger, call 911. ${VOICE}`,
      alert: 'The person was allowed to leave the United States on their own.',
    },
    escaped: {
      meaning: 'The person left custody without permission. No one knows where they are.',
      next: 'Police are looking for them. The record changes when they are found.',
      now: 'If you are in danger, call 911 now. Do not approach the person. Then call a hotline for help with a safety plan.',
      alert: 'The person left custody without permission.',
    },
    'returned-to-custody': {
      meaning: 'The person was out and is held again.',
      next: 'They may be released again later, or moved.',
      now: 'Keep your alerts on. This is a good time to update your safety plan.',
      alert: 'The person is held in custody again.',
    },
    deceased: {
      meaning: 'The facility reports that the person has died.',
      next: 'The record may close or disappear after a while.',
      now: 'News like this can bring strong and mixed feelings. An advocate on a hotline can talk with you.',
      alert: 'The facility reports that the person has died.',
    },
    unknown: {
      meaning:
        'The record does not say where the person is now. This happens when data is late, or when a status is new to this tool.',
      next: 'The record may be updated soon.',
      now: `Call the facility or an advocate on a hotline. ${VOICE}`,
      alert: 'The status changed. Details are not available yet.',
    },
  },
  topics: [
    {
      id: 'detainer',
      title: 'What is an immigration hold (detainer)?',
      body: 'Immigration officers can ask a local jail to tell them before it releases someone, or to keep the person a short time so officers can pick them up. The person is still in the jail while the hold is on.',
    },
    {
      id: 'detention',
      title: 'What is immigration detention?',
      body: 'Immigration detention centers hold people while their immigration case goes on. People are often moved between centers, sometimes far away.',
    },
    {
      id: 'bond',
      title: 'What does release on bond or with conditions mean?',
      body: 'A judge or officer can let a person leave detention if money is paid (bond) or if they promise to follow conditions, such as checking in. The person may then be in the community while their case goes on.',
    },
    {
      id: 'removal',
      title: 'What does removal mean?',
      body: 'Removal means the person was sent out of the United States. Voluntary departure means they were allowed to leave on their own. Some people try to come back, so keep your safety plan.',
    },
    {
      id: 'changes',
      title: 'Why can a record change or disappear?',
      body: 'Facilities send updates on their own schedule, so this page can be hours or days behind. A record can disappear after a release, a removal or a move, or when the person is protected. If a record is gone, it does not mean the person is still held: call the facility or the VOICE line, 1-855-488-6423.',
    },
  ],
};

export default en;
