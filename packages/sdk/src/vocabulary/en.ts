// English search vocabulary (data only; see ../search/vocabulary.ts for the format).
import type { Vocabulary } from '../search/vocabulary.js';

export const en: Vocabulary = {
  lang: 'en',
  stopwords:
    'a about am an and any are around as at be been but by can close could do does dont find for from ' +
    'get give go going got had has have he her him his how i id ill im in into is it its ive just know ' +
    'like looking me my near nearby need needs of on or our out place please really service services she ' +
    'so some someone something than that the their them there they this want to then more most much many ' +
    'tell told say says said saying keep keeps up very was we were what when where which who will with ' +
    'would you your help helping assistance',
  categories: {
    hotline:
      'hotline|hotlines|helpline|help line|crisis line|hot line|talk to someone|someone to talk to|talk to somebody|' +
      'talk to a person|someone to listen|24 7|24 hours|24 hour|text line|call someone|lifeline|chat with someone|chat',
    'domestic-violence':
      'domestic violence|dv|domestic abuse|family violence|intimate partner violence|ipv|partner abuse|abusive relationship|' +
      'abusive partner|abusive husband|abusive boyfriend|abuser|battered|batterer|beaten|beats me|hits me|hit me|beat me|beat me up|hitting me|choked me|strangled|boyfriend|girlfriend|husband|wife|ex boyfriend|ex husband|' +
      'partner|spouse|hurts me|slaps me|pushed me|controls me|controlling|abusive|' +
      'dating violence|dating abuse|spouse abuse',
    'sexual-assault':
      'sexual assault|rape|raped|touched me|touched her|touched him|touching me|touching her|inappropriately|groped|sexual abuse|sexual violence|sexually assaulted|molested|molestation|incest|date rape|rape kit|forensic exam',
    shelter:
      'shelter|shelters|safe house|safehouse|refuge|place to stay|somewhere to stay|place to sleep|somewhere to sleep|' +
      'emergency housing|safe place|nowhere to go|homeless|stay tonight|sleep tonight|tonight|bed for tonight|' +
      'somewhere safe|safe to stay|place to live|leave home|leave my home|run away|kicked out|where to stay|a bed',
    counseling:
      'counseling|counselling|counselor|counsellor|therapy|therapist|mental health|psychologist|emotional support|trauma|ptsd|anxiety|depression',
    'legal-aid':
      'legal aid|legal help|legal services|legal advice|legal assistance|legal clinic|lawyer|lawyers|attorney|attorneys|' +
      'free lawyer|pro bono|divorce|child custody',
    'protective-orders':
      'protective order|protection order|restraining order|order of protection|no contact order|stay away order|peace order|injunction',
    'victim-compensation':
      'victim compensation|crime victim compensation|compensation|reimbursement|reimbursed|money for funeral|funeral|burial|' +
      'funeral costs|medical bills|hospital bills|doctor bills|cant pay|pay the bills|attacked|assaulted|lost wages|crime victims fund|restitution',
    'victim-advocacy':
      'victim advocate|advocate|advocates|advocacy|victim witness|victim services|victim assistance|victim rights|victims rights|' +
      'prosecutor|district attorney',
    'court-accompaniment': 'court|court accompaniment|court advocate|go to court|testify|hearing|trial|court date',
    'human-trafficking':
      'human trafficking|trafficking|trafficked|sex trafficking|labor trafficking|forced labor|forced to work|pimp|forced prostitution|' +
      'took my passport|my passport|passport|makes me work|work for no money|no pay|without pay|not paid|my boss',
    'child-abuse':
      'child abuse|abused child|child neglect|my daughter|my son|daughter|child advocacy|child protective services|cps|child sexual abuse|my child|my kids|forensic interview',
    'elder-abuse':
      'elder abuse|elderly|senior|seniors|older adult|older adults|adult protective services|aps|elder exploitation|nursing home|caregiver abuse|' +
      'grandmother|grandfather|grandma|grandpa',
    stalking:
      'stalking|stalker|stalked|being followed|following me|follows me|keeps following|keeps calling|showing up|harassment|harassed|cyberstalking|tracking my phone|gps tracker',
    'homicide-survivors':
      'homicide|murder|murdered|killed|grief|bereavement|grieving|homicide survivors|loss of a loved one|loved one killed',
    immigration:
      'immigration|immigrant|immigrants|undocumented|u visa|t visa|vawa|green card|deportation|asylum|citizenship',
    medical:
      'injuries|bleeding|hurt badly|medical|hospital|doctor|nurse|forensic nurse|sane exam|injury|injured|emergency room|health care|clinic',
    housing: 'housing|rent|rental assistance|apartment|transitional housing|rehousing|eviction|relocation',
    'financial-assistance':
      'financial assistance|financial help|cash assistance|emergency funds|money|pay bills|bills|utility bills',
    'support-group': 'support group|support groups|peer support|survivors group|healing circle',
    'custody-notification':
      'custody notification|inmate release|offender release|release notification|vine|jail release|when he gets out|inmate|offender|parole|' +
      'jail|prison|get out of jail|released from jail|released from prison',
  },
  crisis:
    'help now|help me now|need help now|please help me|emergency|urgent|crisis|danger|in danger|dangerous|' +
    'scared|afraid|terrified|unsafe|not safe|hurting me|threatening me|threatened me|threatens me|threatened to kill|' +
    'going to kill me|gonna kill me|kill me|wants to kill me|has a gun|with a gun|has a knife|' +
    'outside my door|breaking in|he is here|right now|immediately|asap|911|sos',
  selfHarm:
    'suicide|suicidal|kill myself|killing myself|want to die|wanna die|end my life|end it all|' +
    'take my life|hurt myself|hurting myself|harm myself|self harm|cut myself|cutting myself|overdose|' +
    'no reason to live|better off dead|dont want to live|do not want to live|dont want to be alive|not want to live',
  channels: {
    text: 'text|by text|text message|sms|chat|deaf|hard of hearing|cant talk|cannot talk|cant speak|cannot speak|cant call|mute',
    tty: 'tty|deaf|hard of hearing|relay|teletypewriter|tdd',
  },
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
