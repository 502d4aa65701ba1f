// French.
import type { ServerCatalog } from './types.js';

export default {
  language: 'fr',
  reviewed: false,
  dir: 'ltr',
  ago: {
    lessThanAnHour: "il y a moins d'une heure",
    hours: (hours) => (hours === 1 ? 'il y a 1 heure' : `il y a ${hours} heures`),
    days: (days) => (days === 1 ? 'il y a 1 jour' : `il y a ${days} jours`),
  },
  alerts: {
    confirmSubject: 'Votre code de vérification',
    statusSubject: 'Mise à jour de notification',
    confirmCode: (code, minutes) => `Votre code de vérification est ${code}. Il expire dans ${minutes} minutes.`,
    confirmLink: (url) => `Ou confirmez avec ce lien : ${url}`,
    notYou: "Si vous n'avez rien demandé, ignorez ce message. Rien d'autre ne sera envoyé.",
    statusLine: (reference, when) => `Mise à jour pour la référence ${reference} (${when}) :`,
    safety: 'En danger ? Appelez le 911.',
    stopEmail: (url) => `Pour ne plus recevoir ces messages : ${url}`,
    stopSms: 'Répondez STOP pour arrêter.',
    stopCall: 'Pour arrêter ces appels, appuyez sur 9.',
    pinPrompt: 'Entrez votre code PIN pour confirmer que vous avez entendu ce message.',
    smsStopped: "Vous ne recevrez plus d'alertes à ce numéro. Répondez START pour les reprendre.",
    smsStarted: 'Alertes reprises. Répondez STOP pour arrêter.',
    pageStopTitle: 'Arrêter les alertes',
    pageStopButton: 'Arrêter les alertes',
    pageStopDone: "Vous ne recevrez plus d'alertes.",
    pageConfirmTitle: 'Confirmer les alertes',
    pageConfirmButton: 'Confirmer',
    pageConfirmDone: 'Les alertes sont activées. Chaque message explique comment les arrêter.',
    pageInvalid: "Ce lien n'est pas valide ou a expiré.",
  },
  callbacks: {
    subject: 'Votre demande a été reçue',
    received: (reference) =>
      `Nous avons reçu votre demande. Votre référence est ${reference}. Nous vous contacterons aux heures choisies.`,
    cancel: (url) => `Pour l'annuler : ${url}`,
    notYou: "Si vous n'avez rien demandé, ignorez ce message.",
    sms: (reference, url) =>
      `Demande ${reference} reçue. Nous vous contacterons aux heures choisies. Pour l'annuler : ${url}`,
    neutral: (reference) =>
      `Bonjour, ceci est un appel de courtoisie au sujet de votre demande, référence ${reference}. Merci.`,
    pageTitle: 'Annuler votre demande',
    pageButton: 'Annuler la demande',
    pageDone: 'Votre demande est annulée. Personne ne vous contactera à ce sujet.',
    pageInvalid: "Ce lien n'est pas valide.",
  },
  text: {
    status: (explained, facility, changed, freshness) =>
      [explained, facility, changed ? `Changé le ${changed}.` : undefined, `Mis à jour ${freshness}.`]
        .filter(Boolean)
        .join(' '),
    notFound: 'Aucun dossier à partager pour ce numéro. Vérifiez-le et réessayez.',
    statusUsage: "Envoyez STATUT et le numéro A ou d'écrou, par ex. STATUT A123456789.",
    alertsUsage: "Envoyez ALERTES et le numéro A ou d'écrou, par ex. ALERTES A123456789.",
    alertsRequested:
      'Si des alertes sont possibles pour ce numéro, un code suit. Répondez avec le code pour les activer.',
    alertsRefused: "Ce numéro ne peut pas recevoir d'alertes.",
    confirmed: 'Alertes activées. Répondez STOP pour arrêter.',
    wrongCode: 'Ce code est incorrect ou a expiré.',
    help: 'Envoyez STATUT ou ALERTES et un numéro. Répondez STOP pour arrêter. En danger ? Appelez le 911.',
    tooMany: 'Trop de demandes. Réessayez plus tard.',
  },
  keywords: {
    stop: ['ARRÊT', 'ARRÊTER', 'DÉSABONNER', 'ANNULER'],
    start: ['REPRENDRE'],
    help: ['AIDE'],
    status: ['STATUT'],
    alerts: ['ALERTES'],
  },
  voice: {
    speechTag: 'fr-FR',
    tty: true,
    prompts: {
      chooseLanguage: (digit) => `Pour le français, appuyez sur ${digit}.`,
      danger: 'Si vous êtes en danger, raccrochez et appelez le 911.',
      otherLanguage: 'Pour une autre langue, restez en ligne.',
      transferring: 'Nous vous mettons en relation avec un interprète. Veuillez patienter.',
      menu: "Pour chercher par numéro A, appuyez sur 1. Pour chercher par numéro d'écrou, appuyez sur 2. Pour utiliser le numéro de référence de vos messages d'alerte, appuyez sur 3. Pour réécouter, appuyez sur 0. Pour arrêter les alertes à ce numéro, appuyez sur 9.",
      enterId: {
        'a-number':
          'Entrez les chiffres du numéro A, puis appuyez sur la touche dièse. Pour corriger, appuyez sur étoile.',
        booking: "Entrez le numéro d'écrou, puis appuyez sur la touche dièse. Pour corriger, appuyez sur étoile.",
        reference:
          "Entrez le numéro de référence à 10 chiffres de vos messages d'alerte, puis appuyez sur la touche dièse. Pour corriger, appuyez sur étoile.",
      },
      correcting: 'Recommençons ce numéro.',
      notFound: "Nous n'avons aucun dossier à partager pour ce numéro. Vérifiez le numéro et réessayez.",
      tooManyLookups: 'Trop de recherches depuis ce téléphone. Réessayez plus tard.',
      recordOf: (name) => `Dossier de ${name}.`,
      facility: (name, phone) =>
        phone ? `Établissement : ${name}. Son numéro de téléphone est le ${phone}.` : `Établissement : ${name}.`,
      changedOn: (date) => `Dernier changement : ${date}.`,
      updated: (freshness) => `Ces informations ont été mises à jour ${freshness}.`,
      resultMenu:
        'Pour recevoir un appel quand ce statut change, appuyez sur 1. Pour chercher un autre numéro, appuyez sur 2. Pour réécouter, appuyez sur 0. Pour arrêter les alertes à ce numéro, appuyez sur 9.',
      registerNumber:
        "Les alertes appelleront le numéro depuis lequel vous appelez. Pour l'utiliser, appuyez sur 1. Pour entrer un autre numéro, appuyez sur 2.",
      enterNumber: 'Entrez le numéro de téléphone à 10 chiffres pour les alertes, puis appuyez sur la touche dièse.',
      invalidNumber: "Ce numéro ne peut pas recevoir d'alertes. Entrez-en un autre.",
      choosePin:
        "Choisissez un code PIN de 4 à 8 chiffres, puis appuyez sur la touche dièse. Vous l'entrerez pour confirmer chaque appel d'alerte.",
      invalidPin: 'Un code PIN a de 4 à 8 chiffres.',
      repeatPin: 'Entrez le même code PIN encore une fois, puis appuyez sur la touche dièse.',
      pinMismatch: "Les deux codes PIN n'étaient pas identiques. Recommençons.",
      registered:
        "Merci. Si ce numéro peut recevoir des alertes, nous l'appellerons bientôt avec un code à 6 chiffres. Entrez ce code pendant l'appel pour activer les alertes.",
      tooManyRequests: 'Trop de demandes. Réessayez plus tard.',
      stopped: 'Les alertes à ce numéro sont arrêtées.',
      cannotStop:
        "Nous ne voyons pas le numéro depuis lequel vous appelez. Pour arrêter les alertes par SMS, répondez STOP à l'une d'elles.",
      noInput: "Nous n'avons pas reçu de réponse.",
      goodbye: 'Au revoir.',
      enterCode: 'Pour activer les alertes, entrez le code maintenant.',
      confirmed: "Les alertes sont activées. Chaque appel d'alerte explique comment les arrêter. Au revoir.",
      wrongCode: 'Ce code est incorrect.',
      acknowledged: 'Merci. Au revoir.',
      wrongPin: 'Ce code PIN est incorrect.',
    },
  },
} satisfies ServerCatalog;
