// Kreyòl ayisyen. Fraz kout pou yon moun ki pè epi ki prese: pa gen konsèy legal, pa gen mo difisil, pa gen blame.
// Machine-drafted, not yet reviewed by a native speaker (`reviewed: false`).
import type { GuideText } from './index.js';

const VOICE = 'Liy VOICE la ka esplike w plis: 1-855-488-6423.';
const UNSAFE =
  'Si w pa santi w an sekirite, rele 911. Yon moun k ap ede moun sou yon liy èd ka ede w fè yon plan sekirite.';

const ht: GuideText = {
  language: 'ht',
  reviewed: false,
  statuses: {
    'in-custody': {
      meaning: 'Moun nan fèmen nan etablisman ki make a. Li ka toujou fè apèl epi voye lèt.',
      next: 'Li ka al nan tribinal, yo ka lage l, oswa yo ka voye l nan yon lòt etablisman oswa nan detansyon imigrasyon.',
      now: 'Enskri pou resevwa alèt pou w konnen si gen nenpòt chanjman. Pandan moun nan fèmen, se yon bon moman pou fè yon plan sekirite ak yon moun k ap ede moun.',
      alert: 'Moun nan fèmen.',
    },
    'immigration-detainer': {
      meaning:
        'Moun nan nan yon prizon lokal. Ajan imigrasyon yo mande prizon an pou l di yo anvan yo lage l, oswa pou l kenbe moun nan yon ti tan pou yo ka vin pran l.',
      next: 'Yo ka remèt moun nan bay detansyon imigrasyon. Prizon an ka lage l tou: yon demann pou kenbe l pa toujou kenbe yon moun fèmen.',
      now: `Enskri pou resevwa alèt epi prepare w pou toude ka yo. ${VOICE}`,
      alert: 'Moun nan nan yon prizon lokal, ak yon demann imigrasyon pou kenbe l.',
    },
    'immigration-detention': {
      meaning: 'Moun nan fèmen nan yon sant detansyon imigrasyon pandan dosye imigrasyon l ap kontinye.',
      next: 'Li ka rete la pandan plizyè semèn oswa plizyè mwa, yo ka voye l nan yon lòt sant, yo ka lage l sou kosyon oswa ak kondisyon, oswa yo ka voye l deyò Etazini.',
      now: `Enskri pou resevwa alèt. Yo souvan deplase moun soti nan yon sant al nan yon lòt, kidonk gade ankò lè dosye a chanje. ${VOICE}`,
      alert: 'Moun nan kounye a nan detansyon imigrasyon.',
    },
    transferred: {
      meaning: 'Yo voye moun nan nan yon lòt etablisman. Li toujou fèmen.',
      next: 'Nouvo kote a ka pran yon jou oswa plis pou l parèt. Chèche ankò pita.',
      now: 'Chèche ankò, oswa rele etablisman an pou konnen nouvo kote a. Alèt ou yo rete aktif.',
      alert: 'Yo voye moun nan nan yon lòt etablisman.',
    },
    released: {
      meaning: 'Moun nan pa fèmen ankò epi li ka nan kominote a.',
      next: 'Li ka gen kondisyon pou l swiv, tankou dat tribinal.',
      now: UNSAFE,
      alert: 'Yo lage moun nan epi li ka nan kominote a.',
    },
    'released-on-bond': {
      meaning:
        'Yo peye lajan pou moun nan ka soti nan detansyon pandan dosye l ap kontinye. Li ka nan kominote a kounye a.',
      next: 'Li dwe kontinye al nan odyans li yo. Si li pa ale, yo ka fèmen l ankò.',
      now: `Fè oswa mete plan sekirite w ajou. ${UNSAFE} ${VOICE}`,
      alert: 'Yo lage l sou kosyon: moun nan ka nan kominote a.',
    },
    'released-on-order': {
      meaning:
        'Moun nan soti nan detansyon ak yon lòd ekri epi yon pwomès pou l swiv kèk kondisyon, tankou prezante l devan ajan yo. Li ka nan kominote a kounye a.',
      next: 'Si li pa swiv kondisyon yo, yo ka fèmen l ankò. Dosye l ap kontinye.',
      now: `Fè oswa mete plan sekirite w ajou. ${UNSAFE} ${VOICE}`,
      alert: 'Yo lage l ak kondisyon: moun nan ka nan kominote a.',
    },
    supervised: {
      meaning:
        'Moun nan pa fèmen ankò, men li dwe prezante l devan yon ajan, pa egzanp sou libète kondisyonèl oswa sou pwobasyon.',
      next: 'Si li pa respekte kondisyon yo, yo ka fèmen l ankò.',
      now: UNSAFE,
      alert: 'Moun nan pa fèmen ankò, men yo ap siveye l.',
    },
    removed: {
      meaning: 'Yo voye moun nan deyò Etazini. Li pa fèmen isit la ankò.',
      next: 'Gen moun ki eseye retounen. Si w wè moun nan oswa si li kontakte w, ou ka rapòte sa epi mande èd.',
      now: `Kenbe plan sekirite w. Si w an danje, rele 911. ${VOICE}`,
      alert: 'Yo voye moun nan deyò Etazini.',
    },
    'voluntary-departure': {
      meaning: 'Yo pèmèt moun nan kite Etazini poukont li, anvan yon dat yo fikse.',
      next: 'Si li pa kite anvan dat sa a, dosye a ka chanje. Gen moun ki eseye retounen.',
      now: `Kenbe plan sekirite w. Si w an danje, rele 911. ${VOICE}`,
      alert: 'Yo pèmèt moun nan kite Etazini poukont li.',
    },
    escaped: {
      meaning: 'Moun nan kite detansyon san pèmisyon. Pèsonn pa konnen ki kote li ye.',
      next: 'Lapolis ap chèche l. Dosye a ap chanje lè yo jwenn li.',
      now: 'Si w an danje, rele 911 kounye a. Pa pwoche moun nan. Apre sa, rele yon liy èd pou yo ede w fè yon plan sekirite.',
      alert: 'Moun nan kite detansyon san pèmisyon.',
    },
    'returned-to-custody': {
      meaning: 'Moun nan te deyò epi li fèmen ankò.',
      next: 'Yo ka lage l ankò pita, oswa deplase l.',
      now: 'Kite alèt ou yo aktif. Se yon bon moman pou mete plan sekirite w ajou.',
      alert: 'Moun nan fèmen ankò.',
    },
    deceased: {
      meaning: 'Etablisman an di moun nan mouri.',
      next: 'Dosye a ka fèmen oswa disparèt apre kèk tan.',
      now: 'Yon nouvèl konsa ka fè w santi anpil bagay, ki fò epi ki melanje. Yon moun k ap ede moun sou yon liy èd ka pale avè w.',
      alert: 'Etablisman an di moun nan mouri.',
    },
    unknown: {
      meaning:
        'Dosye a pa di ki kote moun nan ye kounye a. Sa rive lè enfòmasyon yo an reta, oswa lè yon sitiyasyon nouvo pou zouti sa a.',
      next: 'Yo ka mete dosye a ajou byento.',
      now: `Rele etablisman an oswa yon moun k ap ede moun sou yon liy èd. ${VOICE}`,
      alert: 'Sitiyasyon an chanje. Detay yo poko disponib.',
    },
  },
  topics: [
    {
      id: 'detainer',
      title: 'Kisa yon demann imigrasyon pou kenbe yon moun ye ("detainer")?',
      body: 'Ajan imigrasyon yo ka mande yon prizon lokal pou l di yo anvan li lage yon moun, oswa pou l kenbe moun nan yon ti tan pou ajan yo ka vin pran l. Moun nan toujou nan prizon an pandan demann sa a la.',
    },
    {
      id: 'detention',
      title: 'Kisa detansyon imigrasyon ye?',
      body: 'Sant detansyon imigrasyon yo kenbe moun pandan dosye imigrasyon yo ap kontinye. Yo souvan deplase moun soti nan yon sant al nan yon lòt, pafwa byen lwen.',
    },
    {
      id: 'bond',
      title: 'Kisa sa vle di lè yo lage yon moun sou kosyon oswa ak kondisyon?',
      body: 'Yon jij oswa yon ajan ka kite yon moun soti nan detansyon si yo peye lajan (kosyon), oswa si moun nan pwomèt pou l swiv kèk kondisyon, tankou prezante l regilyèman. Apre sa, moun nan ka nan kominote a pandan dosye l ap kontinye.',
    },
    {
      id: 'removal',
      title: 'Kisa depòtasyon vle di?',
      body: 'Depòtasyon vle di yo voye moun nan deyò Etazini. Depa volontè vle di yo pèmèt li kite poukont li. Gen moun ki eseye retounen, kidonk kenbe plan sekirite w.',
    },
    {
      id: 'changes',
      title: 'Poukisa yon dosye ka chanje oswa disparèt?',
      body: 'Etablisman yo voye nouvèl dapre pwòp orè pa yo, kidonk paj sa a ka an reta plizyè èdtan oswa plizyè jou. Yon dosye ka disparèt apre yo lage yon moun, apre yon depòtasyon oswa yon deplasman, oswa lè moun nan pwoteje. Si yon dosye pa la ankò, sa pa vle di moun nan toujou fèmen: rele etablisman an oswa liy VOICE la, 1-855-488-6423.',
    },
  ],
};

export default ht;
