// Tagalog. Maiikling pangungusap para sa taong takot at nagmamadali: walang legal na payo, walang mahirap na salita,
// walang paninisi. Machine-drafted, not yet reviewed by a native speaker (`reviewed: false`).
import type { GuideText } from './index.js';

const VOICE = 'Maipapaliwanag pa ito ng VOICE line: 1-855-488-6423.';
const UNSAFE =
  'Kung pakiramdam ninyo ay hindi kayo ligtas, tumawag sa 911. Matutulungan kayo ng isang tagasuporta sa hotline na gumawa ng plano para sa kaligtasan.';

const tl: GuideText = {
  language: 'tl',
  reviewed: false,
  statuses: {
    'in-custody': {
      meaning: 'Nakakulong ang tao sa pasilidad na nakalagay dito. Puwede pa rin siyang tumawag at magpadala ng sulat.',
      next: 'Puwede siyang humarap sa korte, mapalaya, o mailipat sa ibang pasilidad o sa kustodiya ng imigrasyon.',
      now: 'Mag-sign up para sa mga alerto para malaman ninyo ang anumang pagbabago. Habang nakakulong ang tao, magandang panahon ito para gumawa ng plano para sa kaligtasan kasama ang isang tagasuporta.',
      alert: 'Nakakulong ang tao.',
    },
    'immigration-detainer': {
      meaning:
        'Nasa isang lokal na kulungan ang tao. Hiniling ng mga opisyal ng imigrasyon sa kulungan na sabihan sila bago siya palayain, o hawakan siya nang maikling panahon para makuha nila siya.',
      next: 'Puwedeng ibigay ang tao sa detensyon ng imigrasyon. Puwede rin siyang palayain ng kulungan: hindi laging nananatiling nakakulong ang isang tao dahil sa hiling na ito.',
      now: `Mag-sign up para sa mga alerto at maghanda para sa alinmang mangyari. ${VOICE}`,
      alert: 'Nasa isang lokal na kulungan ang tao, may hiling ang imigrasyon na hawakan siya.',
    },
    'immigration-detention': {
      meaning: 'Nakakulong ang tao sa isang detention center ng imigrasyon habang tuloy ang kaso niya sa imigrasyon.',
      next: 'Puwede siyang manatili nang ilang linggo o buwan, mailipat sa ibang center, mapalaya sa piyansa o may mga kondisyon, o mapaalis sa Estados Unidos.',
      now: `Mag-sign up para sa mga alerto. Madalas ang paglipat sa pagitan ng mga center, kaya tingnan ulit kapag nagbago ang rekord. ${VOICE}`,
      alert: 'Nasa detensyon na ng imigrasyon ang tao.',
    },
    transferred: {
      meaning: 'Inilipat ang tao sa ibang pasilidad. Nakakulong pa rin siya.',
      next: 'Puwedeng abutin ng isang araw o higit pa bago lumabas ang bagong lugar. Maghanap ulit mamaya.',
      now: 'Maghanap ulit, o tawagan ang pasilidad para malaman ang bagong lugar. Tuloy pa rin ang mga alerto ninyo.',
      alert: 'Inilipat ang tao sa ibang pasilidad.',
    },
    released: {
      meaning: 'Hindi na nakakulong ang tao at puwedeng nasa komunidad na siya.',
      next: 'Puwedeng may mga kondisyon siyang kailangang sundin, gaya ng mga petsa sa korte.',
      now: UNSAFE,
      alert: 'Pinalaya ang tao at puwedeng nasa komunidad na siya.',
    },
    'released-on-bond': {
      meaning:
        'May nagbayad ng pera para makalabas ang tao sa detensyon habang tuloy ang kaso niya. Puwedeng nasa komunidad na siya ngayon.',
      next: 'Kailangan niyang patuloy na pumunta sa mga pagdinig niya. Kung hindi, puwede siyang makulong ulit.',
      now: `Gumawa o i-update ang plano ninyo para sa kaligtasan. ${UNSAFE} ${VOICE}`,
      alert: 'Pinalaya sa piyansa: puwedeng nasa komunidad na ang tao.',
    },
    'released-on-order': {
      meaning:
        'Lumabas ang tao sa detensyon dahil sa isang nakasulat na utos at pangakong susundin ang mga kondisyon, gaya ng pag-uulat sa mga opisyal. Puwedeng nasa komunidad na siya ngayon.',
      next: 'Kung hindi niya susundin ang mga kondisyon, puwede siyang makulong ulit. Tuloy ang kaso niya.',
      now: `Gumawa o i-update ang plano ninyo para sa kaligtasan. ${UNSAFE} ${VOICE}`,
      alert: 'Pinalaya nang may mga kondisyon: puwedeng nasa komunidad na ang tao.',
    },
    supervised: {
      meaning:
        'Wala na sa kustodiya ang tao pero kailangan niyang mag-ulat sa isang opisyal, halimbawa habang naka-parole o naka-probation.',
      next: 'Kung lalabagin niya ang mga kondisyon, puwede siyang ibalik sa kustodiya.',
      now: UNSAFE,
      alert: 'Wala na sa kustodiya ang tao, pero binabantayan siya.',
    },
    removed: {
      meaning: 'Pinaalis ang tao sa Estados Unidos. Hindi na siya nakakulong dito.',
      next: 'May mga taong sumusubok bumalik. Kung makita ninyo ang tao o makatanggap kayo ng balita mula sa kanya, puwede ninyo itong i-report at humingi ng tulong.',
      now: `Panatilihin ang plano ninyo para sa kaligtasan. Kung nasa panganib kayo, tumawag sa 911. ${VOICE}`,
      alert: 'Pinaalis ang tao sa Estados Unidos.',
    },
    'voluntary-departure': {
      meaning: 'Pinayagan ang tao na umalis sa Estados Unidos nang kusa, bago ang isang takdang petsa.',
      next: 'Kung hindi siya umalis bago ang petsang iyon, puwedeng magbago ang rekord. May mga taong sumusubok bumalik.',
      now: `Panatilihin ang plano ninyo para sa kaligtasan. Kung nasa panganib kayo, tumawag sa 911. ${VOICE}`,
      alert: 'Pinayagan ang tao na umalis sa Estados Unidos nang kusa.',
    },
    escaped: {
      meaning: 'Umalis ang tao sa kustodiya nang walang pahintulot. Walang nakakaalam kung nasaan siya.',
      next: 'Hinahanap siya ng pulis. Magbabago ang rekord kapag nahanap siya.',
      now: 'Kung nasa panganib kayo, tumawag sa 911 ngayon. Huwag lapitan ang tao. Pagkatapos, tumawag sa isang hotline para matulungan kayo sa plano para sa kaligtasan.',
      alert: 'Umalis ang tao sa kustodiya nang walang pahintulot.',
    },
    'returned-to-custody': {
      meaning: 'Nakalabas ang tao at nakakulong na ulit.',
      next: 'Puwede siyang mapalaya ulit sa susunod, o mailipat.',
      now: 'Panatilihing naka-on ang mga alerto ninyo. Magandang panahon ito para i-update ang plano ninyo para sa kaligtasan.',
      alert: 'Nakakulong ulit ang tao.',
    },
    deceased: {
      meaning: 'Iniulat ng pasilidad na pumanaw na ang tao.',
      next: 'Puwedeng isara o mawala ang rekord pagkalipas ng ilang panahon.',
      now: 'Ang ganitong balita ay puwedeng magdulot ng matindi at halo-halong damdamin. Puwede kayong makausap ng isang tagasuporta sa hotline.',
      alert: 'Iniulat ng pasilidad na pumanaw na ang tao.',
    },
    unknown: {
      meaning:
        'Hindi sinasabi ng rekord kung nasaan ang tao ngayon. Nangyayari ito kapag huli ang datos, o kapag bago pa sa tool na ito ang isang status.',
      next: 'Puwedeng ma-update ang rekord sa lalong madaling panahon.',
      now: `Tawagan ang pasilidad o isang tagasuporta sa hotline. ${VOICE}`,
      alert: 'Nagbago ang status. Wala pang mga detalye.',
    },
  },
  topics: [
    {
      id: 'detainer',
      title: 'Ano ang hiling ng imigrasyon na hawakan ang isang tao (detainer)?',
      body: 'Puwedeng hilingin ng mga opisyal ng imigrasyon sa isang lokal na kulungan na sabihan sila bago nito palayain ang isang tao, o hawakan ang tao nang maikling panahon para makuha siya ng mga opisyal. Nasa kulungan pa rin ang tao habang may ganitong hiling.',
    },
    {
      id: 'detention',
      title: 'Ano ang detensyon ng imigrasyon?',
      body: 'Ang mga detention center ng imigrasyon ay naghahawak ng mga tao habang tuloy ang kaso nila sa imigrasyon. Madalas ilipat ang mga tao sa pagitan ng mga center, minsan sa malayong lugar.',
    },
    {
      id: 'bond',
      title: 'Ano ang ibig sabihin ng paglaya sa piyansa o nang may mga kondisyon?',
      body: 'Puwedeng payagan ng isang hukom o opisyal na makalabas ang isang tao sa detensyon kung may magbabayad ng pera (piyansa) o kung mangangako siyang susundin ang mga kondisyon, gaya ng regular na pag-uulat. Puwede nang nasa komunidad ang tao habang tuloy ang kaso niya.',
    },
    {
      id: 'removal',
      title: 'Ano ang ibig sabihin ng pagpapaalis (removal)?',
      body: 'Ang pagpapaalis ay nangangahulugang pinaalis ang tao sa Estados Unidos. Ang kusang pag-alis ay nangangahulugang pinayagan siyang umalis nang mag-isa. May mga taong sumusubok bumalik, kaya panatilihin ang plano ninyo para sa kaligtasan.',
    },
    {
      id: 'changes',
      title: 'Bakit puwedeng magbago o mawala ang isang rekord?',
      body: 'Nagpapadala ng update ang mga pasilidad ayon sa sarili nilang iskedyul, kaya puwedeng huli nang ilang oras o araw ang pahinang ito. Puwedeng mawala ang rekord pagkatapos ng paglaya, pagpapaalis o paglipat, o kapag protektado ang tao. Kung wala na ang rekord, hindi ibig sabihin na nakakulong pa rin ang tao: tawagan ang pasilidad o ang VOICE line, 1-855-488-6423.',
    },
  ],
};

export default tl;
