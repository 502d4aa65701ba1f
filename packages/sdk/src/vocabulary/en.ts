// English search vocabulary (data only; see ../search/vocabulary.ts for the format).
import type { Vocabulary } from '../search/vocabulary.js';

export const en: Vocabulary = {
  lang: 'en',
  stopwords:
    'a an and any are around at be by can close do does find for from get give go got has have how i im is it ' +
    'in into looking me my near nearby need needs of on or our place please service services some someone something ' +
    'that the there this to want we what where who with you your',
  categories: {
    'hotline': 'hotline|hotlines|helpline|help line|crisis line|hot line|talk to someone|someone to talk to|24 7|24 hours|24 hour|text line|call someone',
    'domestic-violence':
      'domestic violence|dv|domestic abuse|family violence|intimate partner violence|ipv|partner abuse|abusive relationship|' +
      'abusive partner|abusive husband|abusive boyfriend|abuser|battered|batterer|beaten|beats me|hits me|hit me|beat me|beat me up|hitting me|choked me|strangled|boyfriend|girlfriend|husband|wife|ex boyfriend|ex husband|' +
      'dating violence|dating abuse|spouse abuse',
    'sexual-assault':
      'sexual assault|rape|raped|sexual abuse|sexual violence|sexually assaulted|molested|molestation|incest|date rape|rape kit|forensic exam',
    'shelter':
      'shelter|shelters|safe house|safehouse|refuge|place to stay|somewhere to stay|place to sleep|somewhere to sleep|' +
      'emergency housing|safe place|nowhere to go|homeless|stay tonight|sleep tonight|tonight|bed for tonight',
    'counseling':
      'counseling|counselling|counselor|counsellor|therapy|therapist|mental health|psychologist|emotional support|trauma|ptsd|anxiety|depression',
    'legal-aid':
      'legal aid|legal help|legal services|legal advice|legal assistance|legal clinic|lawyer|lawyers|attorney|attorneys|' +
      'free lawyer|pro bono|divorce|child custody',
    'protective-orders':
      'protective order|protection order|restraining order|order of protection|no contact order|stay away order|peace order|injunction',
    'victim-compensation':
      'victim compensation|crime victim compensation|compensation|reimbursement|reimbursed|money for funeral|funeral|burial|' +
      'funeral costs|medical bills|lost wages|crime victims fund|restitution',
    'victim-advocacy':
      'victim advocate|advocate|advocates|advocacy|victim witness|victim services|victim assistance|victim rights|victims rights|' +
      'prosecutor|district attorney',
    'court-accompaniment': 'court|court accompaniment|court advocate|go to court|testify|hearing|trial|court date',
    'human-trafficking':
      'human trafficking|trafficking|trafficked|sex trafficking|labor trafficking|forced labor|forced to work|pimp|forced prostitution',
    'child-abuse':
      'child abuse|abused child|child neglect|child advocacy|child protective services|cps|child sexual abuse|my child|my kids|forensic interview',
    'elder-abuse':
      'elder abuse|elderly|senior|seniors|older adult|older adults|adult protective services|aps|elder exploitation|nursing home|caregiver abuse|' +
      'grandmother|grandfather|grandma|grandpa',
    'stalking':
      'stalking|stalker|stalked|being followed|following me|harassment|harassed|cyberstalking|tracking my phone|gps tracker',
    'homicide-survivors':
      'homicide|murder|murdered|killed|grief|bereavement|grieving|homicide survivors|loss of a loved one|loved one killed',
    'immigration':
      'immigration|immigrant|immigrants|undocumented|u visa|t visa|vawa|green card|deportation|asylum|citizenship',
    'medical': 'medical|hospital|doctor|nurse|forensic nurse|sane exam|injury|injured|emergency room|health care|clinic',
    'housing': 'housing|rent|rental assistance|apartment|transitional housing|rehousing|eviction|relocation',
    'financial-assistance': 'financial assistance|financial help|cash assistance|emergency funds|money|pay bills|bills|utility bills',
    'support-group': 'support group|support groups|peer support|survivors group|healing circle',
    'custody-notification':
      'custody notification|inmate release|offender release|release notification|vine|jail release|when he gets out|inmate|offender|parole|' +
      'jail|prison|get out of jail|released from jail|released from prison',
  },
  crisis:
    'help|help now|help me|need help now|emergency|urgent|crisis|danger|in danger|scared|afraid|unsafe|not safe|suicide|suicidal|' +
    'kill myself|want to die|hurting me|threatening me|right now|immediately|911|sos',
  languages: {
    es: 'spanish|espanol|en espanol|speaks spanish|latino|latina|hispanic',
    vi: 'vietnamese',
    zh: 'chinese|mandarin|cantonese',
    ko: 'korean',
    ar: 'arabic',
    ru: 'russian',
    tl: 'tagalog|filipino',
    ht: 'haitian creole|creole|kreyol',
    fr: 'french',
    pt: 'portuguese',
    so: 'somali',
    hi: 'hindi',
  },
};
