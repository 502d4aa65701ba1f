// Français. Phrases courtes pour une personne qui a peur et qui est pressée : pas de conseil juridique, pas de jargon,
// pas de reproche. Machine-drafted, not yet reviewed by a native speaker (`reviewed: false`).
import type { GuideText } from './index.js';

const VOICE = 'La ligne VOICE peut vous en dire plus : 1-855-488-6423.';
const UNSAFE =
  'Si vous ne vous sentez pas en sécurité, appelez le 911. Une personne qui répond sur une ligne d’aide peut vous aider à faire un plan de sécurité.';

const fr: GuideText = {
  language: 'fr',
  reviewed: false,
  statuses: {
    'in-custody': {
      meaning:
        'La personne est détenue dans l’établissement indiqué. Elle peut toujours passer des appels et envoyer du courrier.',
      next: 'Elle peut passer devant un tribunal, être libérée, ou être transférée dans un autre établissement ou en détention de l’immigration.',
      now: 'Inscrivez-vous aux alertes pour savoir si quelque chose change. Pendant que la personne est détenue, c’est un bon moment pour faire un plan de sécurité avec une personne d’une ligne d’aide.',
      alert: 'La personne est détenue.',
    },
    'immigration-detainer': {
      meaning:
        'La personne est dans une prison locale. Des agents de l’immigration ont demandé à la prison de les prévenir avant une libération, ou de garder la personne peu de temps pour venir la chercher.',
      next: 'La personne peut être remise à la détention de l’immigration. La prison peut aussi la libérer : une demande de maintien ne garde pas toujours quelqu’un en détention.',
      now: `Inscrivez-vous aux alertes et préparez-vous aux deux cas. ${VOICE}`,
      alert: 'La personne est dans une prison locale, avec une demande de maintien de l’immigration.',
    },
    'immigration-detention': {
      meaning:
        'La personne est détenue dans un centre de détention de l’immigration pendant que son dossier d’immigration suit son cours.',
      next: 'Elle peut y rester des semaines ou des mois, être transférée dans un autre centre, être libérée sous caution ou avec des conditions, ou être renvoyée hors des États-Unis.',
      now: `Inscrivez-vous aux alertes. Les transferts entre centres sont fréquents : regardez de nouveau quand le dossier change. ${VOICE}`,
      alert: 'La personne est maintenant en détention de l’immigration.',
    },
    transferred: {
      meaning: 'La personne a été transférée dans un autre établissement. Elle est toujours détenue.',
      next: 'Le nouveau lieu peut mettre un jour ou plus à apparaître. Cherchez de nouveau plus tard.',
      now: 'Cherchez de nouveau, ou appelez l’établissement pour connaître le nouveau lieu. Vos alertes restent actives.',
      alert: 'La personne a été transférée dans un autre établissement.',
    },
    released: {
      meaning: 'La personne n’est plus détenue et peut être en liberté.',
      next: 'Elle peut avoir des conditions à respecter, comme des dates de tribunal.',
      now: UNSAFE,
      alert: 'La personne a été libérée et peut être en liberté.',
    },
    'released-on-bond': {
      meaning:
        'Une somme d’argent a été payée pour que la personne puisse quitter la détention pendant que son dossier suit son cours. Elle peut être en liberté maintenant.',
      next: 'Elle doit continuer à aller à ses audiences. Sinon, elle peut être détenue de nouveau.',
      now: `Faites ou mettez à jour votre plan de sécurité. ${UNSAFE} ${VOICE}`,
      alert: 'Libérée sous caution : la personne peut être en liberté.',
    },
    'released-on-order': {
      meaning:
        'La personne a quitté la détention avec une décision écrite et la promesse de respecter des conditions, comme se présenter à des agents. Elle peut être en liberté maintenant.',
      next: 'Si elle ne respecte pas les conditions, elle peut être détenue de nouveau. Son dossier suit son cours.',
      now: `Faites ou mettez à jour votre plan de sécurité. ${UNSAFE} ${VOICE}`,
      alert: 'Libérée avec des conditions : la personne peut être en liberté.',
    },
    supervised: {
      meaning:
        'La personne n’est plus détenue mais doit se présenter à un agent, par exemple en liberté conditionnelle ou en probation.',
      next: 'Si elle ne respecte pas les conditions, elle peut être remise en détention.',
      now: UNSAFE,
      alert: 'La personne n’est plus détenue, mais elle est surveillée.',
    },
    removed: {
      meaning: 'La personne a été renvoyée hors des États-Unis. Elle n’est plus détenue ici.',
      next: 'Certaines personnes essaient de revenir. Si vous voyez la personne ou si elle vous contacte, vous pouvez le signaler et demander de l’aide.',
      now: `Gardez votre plan de sécurité. Si vous êtes en danger, appelez le 911. ${VOICE}`,
      alert: 'La personne a été renvoyée hors des États-Unis.',
    },
    'voluntary-departure': {
      meaning: 'La personne a été autorisée à quitter les États-Unis par elle-même, avant une date fixée.',
      next: 'Si elle ne part pas avant cette date, le dossier peut changer. Certaines personnes essaient de revenir.',
      now: `Gardez votre plan de sécurité. Si vous êtes en danger, appelez le 911. ${VOICE}`,
      alert: 'La personne a été autorisée à quitter les États-Unis par elle-même.',
    },
    escaped: {
      meaning: 'La personne a quitté la détention sans autorisation. Personne ne sait où elle est.',
      next: 'La police la recherche. Le dossier change quand elle est retrouvée.',
      now: 'Si vous êtes en danger, appelez le 911 maintenant. N’approchez pas la personne. Ensuite, appelez une ligne d’aide pour vous aider à faire un plan de sécurité.',
      alert: 'La personne a quitté la détention sans autorisation.',
    },
    'returned-to-custody': {
      meaning: 'La personne était sortie et elle est de nouveau détenue.',
      next: 'Elle peut être libérée de nouveau plus tard, ou transférée.',
      now: 'Gardez vos alertes actives. C’est un bon moment pour mettre à jour votre plan de sécurité.',
      alert: 'La personne est de nouveau détenue.',
    },
    deceased: {
      meaning: 'L’établissement indique que la personne est décédée.',
      next: 'Le dossier peut être fermé ou disparaître après un certain temps.',
      now: 'Une nouvelle comme celle-ci peut faire naître des sentiments forts et mélangés. Une personne qui répond sur une ligne d’aide peut parler avec vous.',
      alert: 'L’établissement indique que la personne est décédée.',
    },
    unknown: {
      meaning:
        'Le dossier ne dit pas où se trouve la personne maintenant. Cela arrive quand les données sont en retard, ou quand une situation est nouvelle pour cet outil.',
      next: 'Le dossier peut être mis à jour bientôt.',
      now: `Appelez l’établissement ou une personne qui répond sur une ligne d’aide. ${VOICE}`,
      alert: 'La situation a changé. Les détails ne sont pas encore disponibles.',
    },
  },
  topics: [
    {
      id: 'detainer',
      title: 'Qu’est-ce qu’une demande de maintien de l’immigration (« detainer ») ?',
      body: 'Les agents de l’immigration peuvent demander à une prison locale de les prévenir avant de libérer quelqu’un, ou de garder la personne peu de temps pour que des agents viennent la chercher. La personne reste dans la prison pendant cette demande.',
    },
    {
      id: 'detention',
      title: 'Qu’est-ce que la détention de l’immigration ?',
      body: 'Les centres de détention de l’immigration gardent des personnes pendant que leur dossier d’immigration suit son cours. Les personnes sont souvent transférées d’un centre à l’autre, parfois loin.',
    },
    {
      id: 'bond',
      title: 'Que veut dire une libération sous caution ou avec des conditions ?',
      body: 'Un juge ou un agent peut laisser une personne quitter la détention si une somme d’argent est payée (la caution) ou si elle promet de respecter des conditions, comme se présenter régulièrement. La personne peut alors être en liberté pendant que son dossier suit son cours.',
    },
    {
      id: 'removal',
      title: 'Que veut dire un renvoi ?',
      body: 'Un renvoi veut dire que la personne a été envoyée hors des États-Unis. Un départ volontaire veut dire qu’elle a été autorisée à partir par elle-même. Certaines personnes essaient de revenir : gardez votre plan de sécurité.',
    },
    {
      id: 'changes',
      title: 'Pourquoi un dossier peut-il changer ou disparaître ?',
      body: 'Les établissements envoient leurs mises à jour à leur propre rythme : cette page peut avoir des heures ou des jours de retard. Un dossier peut disparaître après une libération, un renvoi ou un transfert, ou quand la personne est protégée. Si un dossier a disparu, cela ne veut pas dire que la personne est toujours détenue : appelez l’établissement ou la ligne VOICE, 1-855-488-6423.',
    },
  ],
};

export default fr;
