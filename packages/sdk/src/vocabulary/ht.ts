// Haitian Creole search vocabulary (data only; see ../search/vocabulary.ts for the format). Accents are folded.
import type { Vocabulary } from '../search/vocabulary.js';

export const ht: Vocabulary = {
  lang: 'ht',
  stopwords:
    'a ak an bezwen bo chache de e epi fe gen ki kote la li m map mwen nan nou ou pa pou pi se sou tanpri yo yon ' +
    'm ap te ka vle konn kijan ede ed',
  categories: {
    hotline: 'liy dirjans|liy ed|nimewo dirjans|pale ak yon moun|yon moun pou m pale|24 sou 24|rele',
    'domestic-violence':
      'vyolans domestik|vyolans nan fanmi|vyolans nan kay|mari m bat mwen|li bat mwen|bat mwen|frape mwen|mari|mennaj|' +
      'konpayon|madanm|vyolans konjigal|abi domestik',
    'sexual-assault': 'kadejak|vyolans seksyel|agresyon seksyel|abi seksyel|fose m fe sek|vyole',
    shelter:
      'abri|kay abri|refij|kote pou m rete|kote pou m dòmi|kote pou m domi|kote ki an sekirite|lojman dijans|aswe a|pa gen kote pou m ale',
    counseling: 'konsey|konseye|terapi|terapis|sikolog|sante mantal|sipo emosyonel|chòk|twoma',
    'legal-aid': 'avoka|avoka gratis|ed legal|ed jiridik|konsey legal|divos|gad timoun',
    'protective-orders': 'lod pwoteksyon|lod restriksyon|lod pou li pa pwoche',
    'victim-compensation':
      'konpansasyon|konpansasyon pou viktim|ranbousman|lajan pou antèman|lajan pou anteman|fre medikal',
    'victim-advocacy': 'defansè viktim|defanse viktim|sipo pou viktim|dwa viktim|pwokire',
    'court-accompaniment': 'tribinal|odyans|pwose|temwaye|jij',
    'human-trafficking': 'trafik moun|trafik imen|travay fose|esplwatasyon',
    'child-abuse': 'abi sou timoun|maltretans timoun|timoun mwen|pitit mwen|timoun yo|pitit',
    'elder-abuse': 'granmoun|granmoun aje|abi sou granmoun|grann|granpapa',
    stalking: 'swiv mwen|kap swiv mwen|asèlman|aselman|arasman|pèsekisyon|pesekisyon',
    'homicide-survivors': 'asasinay|yo touye|touye|lanmò|lanmo|dèy|dey|fanmi viktim',
    immigration: 'imigrasyon|imigran|san papye|papye|viza u|viza t|depòtasyon|depotasyon|azil|tps',
    medical: 'doktè|dokte|lopital|klinik|enfimyè|enfimye|blese|swen medikal',
    housing: 'lojman|lwaye|apatman|kay pou m lwe',
    'financial-assistance': 'ed finansye|lajan|peye fakti|fakti',
    'support-group': 'gwoup sipo|gwoup sipò|sivivan',
    'custody-notification': 'prizon|soti nan prizon|lage|prizonye|lè l ap soti|le l ap soti',
  },
  crisis:
    'ijan|dijans|an danje|danje|mwen pe|m pe|mwen gen pe|li pral touye m|touye m|li vle touye m|kounye a|' +
    'touswit|anmwe|sekou|li gen zam',
  selfHarm: 'swisid|touye tet mwen|mwen vle mouri|vle mouri|fe tet mwen mal|koupe tet mwen',
  channels: {
    text: 'teks|mesaj|pa teks|chat|soud|mwen pa ka pale',
    tty: 'tty|soud|pa tande byen',
  },
  languages: {
    ht: 'kreyol|kreyol ayisyen|an kreyol',
    en: 'angle|an angle',
    fr: 'franse|an franse',
    es: 'panyol',
  },
};
