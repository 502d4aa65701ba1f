// French search vocabulary (data only; see ../search/vocabulary.ts for the format). Accents are folded.
import type { Vocabulary } from '../search/vocabulary.js';

export const fr: Vocabulary = {
  lang: 'fr',
  stopwords:
    'a au aux avec besoin ce ces cherche chez comment dans de des du elle est et il ils je j l la le les leur lui ma ' +
    'mais me mes moi mon ne nous ou par pas pour pres qu que qui quoi sa se ses son sur svp ta te toi ton tu un une ' +
    'vos votre vous y ai suis aide aider',
  categories: {
    hotline:
      'ligne d ecoute|ligne d urgence|ligne d aide|numero d urgence|parler a quelqu un|quelqu un a qui parler|24 heures|24h|appeler',
    'domestic-violence':
      'violence conjugale|violences conjugales|violence domestique|violence familiale|violences faites aux femmes|' +
      'mon mari me frappe|il me frappe|me frappe|me bat|battue|mari|conjoint|copain|petit ami|ex mari|ex conjoint|agresseur',
    'sexual-assault':
      'agression sexuelle|viol|violee|violée|abus sexuel|violence sexuelle|harcelement sexuel|attouchements',
    shelter:
      'refuge|foyer|hebergement|hebergement d urgence|centre d hebergement|abri|maison d accueil|lieu sur|endroit sur|' +
      'ou dormir|dormir ce soir|ce soir|a la rue|sans abri|quitter la maison',
    counseling:
      'conseil|conseiller|conseillere|therapie|therapeute|psychologue|soutien psychologique|sante mentale|traumatisme|ecoute',
    'legal-aid':
      'avocat|avocate|avocats|aide juridique|conseil juridique|assistance juridique|juriste|divorce|garde des enfants',
    'protective-orders': 'ordonnance de protection|ordre de protection|mesure d eloignement|interdiction de contact',
    'victim-compensation':
      'indemnisation|indemnisation des victimes|compensation|remboursement|frais funeraires|funerailles|frais medicaux',
    'victim-advocacy':
      'aide aux victimes|droits des victimes|accompagnement des victimes|defenseur des victimes|procureur',
    'court-accompaniment': 'tribunal|audience|proces|temoigner|accompagnement au tribunal|cour',
    'human-trafficking': 'traite des etres humains|traite|trafic d etres humains|travail force|exploitation|proxenete',
    'child-abuse':
      'maltraitance des enfants|enfant maltraite|enfants maltraites|abus sur enfant|mon enfant|mes enfants|protection de l enfance',
    'elder-abuse': 'maltraitance des personnes agees|personne agee|personnes agees|grand mere|grand pere|aines',
    stalking: 'harcelement|harceleur|il me suit|me suit|traque|traqueur|suivie',
    'homicide-survivors': 'homicide|meurtre|assassine|assassinat|tue|deuil|proches de victimes',
    immigration:
      'immigration|immigre|immigrant|immigrants|sans papiers|papiers|visa u|visa t|expulsion|asile|demandeur d asile|titre de sejour',
    medical: 'medecin|hopital|clinique|infirmiere|urgences|blessure|blessee|soins medicaux',
    housing: 'logement|loyer|appartement|logement de transition|expulsion locative',
    'financial-assistance': 'aide financiere|argent|aide d urgence|payer les factures|factures',
    'support-group': 'groupe de soutien|groupe de parole|entraide|survivantes',
    'custody-notification': 'prison|sortie de prison|liberation|detenu|quand il sortira|liberte conditionnelle',
  },
  crisis:
    'urgence|urgent|au secours|a l aide|danger|en danger|peur|j ai peur|menace|il va me tuer|me tuer|' +
    'veut me tuer|maintenant|tout de suite|immediatement|il a une arme|il a un couteau',
  selfHarm:
    'suicide|me suicider|suicidaire|envie de mourir|veux mourir|en finir|me faire du mal|me blesser|' + 'me couper',
  channels: {
    text: 'texto|sms|par texto|message|chat|sourd|sourde|malentendant|malentendante|je ne peux pas parler',
    tty: 'tty|sourd|sourde|malentendant|malentendante|ats',
  },
  languages: {
    fr: 'francais|en francais|francophone',
    en: 'anglais|en anglais',
    es: 'espagnol',
    ht: 'creole|creole haitien|kreyol',
    ar: 'arabe',
  },
  affixes: 'l- d- j- qu- m- s-',
};
