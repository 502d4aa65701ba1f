// Tagalog (Filipino) search vocabulary (data only; see ../search/vocabulary.ts for the format).
import type { Vocabulary } from '../search/vocabulary.js';

export const tl: Vocabulary = {
  lang: 'tl',
  stopwords:
    'ako ang ano at ay ba din ito ka kailangan kami kay ko kung lang mga may na naman nang ng ni nila nito niya po ' +
    'sa saan si sila siya tayo tulong tulungan mo akin aking namin paano gusto hanap naghahanap malapit',
  categories: {
    hotline: 'hotline|linya ng tulong|tawagan|makausap|may makausap|kausap|24 oras',
    'domestic-violence':
      'karahasan sa tahanan|karahasan sa pamilya|karahasan sa asawa|pang aabuso sa tahanan|sinasaktan ako|sinasaktan|' +
      'binubugbog|binugbog|bugbog|sinampal|asawa ko|asawa|kinakasama|nobyo|boyfriend ko|mister|mister ko',
    'sexual-assault':
      'panggagahasa|ginahasa|gahasa|sekswal na pang aabuso|sekswal na karahasan|pang aabusong sekswal|hinalay|molestiya',
    shelter:
      'tirahan|kanlungan|silungan|ligtas na lugar|matutuluyan|matulugan|tutuluyan|bahay kanlungan|walang matirhan|ngayong gabi',
    counseling:
      'pagpapayo|tagapayo|kaunsyeling|counseling|terapiya|sikolohista|kalusugang pangkaisipan|mental health|trauma',
    'legal-aid':
      'abogado|abogada|tulong legal|libreng abogado|legal na tulong|payong legal|diborsyo|annulment|kustodiya',
    'protective-orders': 'protection order|kautusan ng proteksyon|restraining order|bpo|tpo',
    'victim-compensation': 'kompensasyon|bayad sa biktima|pera para sa libing|libing|gastos sa ospital|bayad pinsala',
    'victim-advocacy': 'tagapagtanggol ng biktima|karapatan ng biktima|tulong sa biktima|piskal',
    'court-accompaniment': 'korte|hukuman|pagdinig|paglilitis|tumestigo|samahan sa korte',
    'human-trafficking':
      'human trafficking|trafficking|ipinagbili|sapilitang trabaho|pinilit magtrabaho|illegal recruiter|recruiter',
    'child-abuse': 'pang aabuso sa bata|inabusong bata|anak ko|mga anak ko|mga bata|bata',
    'elder-abuse': 'matanda|matatanda|lola|lolo|senior citizen|nakatatanda',
    stalking: 'sinusundan ako|sinusundan|ini stalk|stalker|panliligalig|ginugulo ako',
    'homicide-survivors': 'pinatay|pagpatay|namatayan|pagdadalamhati|pagluluksa',
    immigration: 'imigrasyon|imigrante|walang papeles|papeles|u visa|t visa|deportasyon|asylum|green card|tnt',
    medical: 'doktor|ospital|klinika|nars|sugat|nasugatan|medikal',
    housing: 'pabahay|upa|renta|apartment|paupahan',
    'financial-assistance': 'tulong pinansyal|pera|pambayad|bayarin',
    'support-group': 'support group|grupo ng suporta|mga nakaligtas',
    'custody-notification': 'kulungan|bilangguan|lalaya|nakalaya|preso|bilanggo|kailan siya lalabas',
  },
  crisis:
    'emerhensya|emergency|saklolo|tulong ngayon|ngayon na|agad|delikado|nasa panganib|panganib|' +
    'natatakot ako|natatakot|takot|papatayin ako|papatayin|may baril|may kutsilyo',
  selfHarm:
    'magpakamatay|pagpapakamatay|gusto ko nang mamatay|mamatay|saktan ang sarili|' + 'sasaktan ko ang sarili ko',
  channels: {
    text: 'text|mag text|chat|mensahe|bingi|hindi makapagsalita',
    tty: 'tty|bingi|mahina ang pandinig',
  },
  languages: {
    tl: 'tagalog|filipino|sa tagalog',
    en: 'ingles|english',
    es: 'espanyol|kastila',
  },
  affixes: 'mag- nag- ma- na- -ng',
};
