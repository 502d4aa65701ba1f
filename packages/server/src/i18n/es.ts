// Spanish.
import type { ServerCatalog } from './types.js';

export default {
  language: 'es',
  reviewed: false,
  dir: 'ltr',
  ago: {
    lessThanAnHour: 'hace menos de una hora',
    hours: (hours) => (hours === 1 ? 'hace 1 hora' : `hace ${hours} horas`),
    days: (days) => (days === 1 ? 'hace 1 día' : `hace ${days} días`),
  },
  alerts: {
    confirmSubject: 'Su código de verificación',
    statusSubject: 'Actualización de notificación',
    confirmCode: (code, minutes) => `Su código de verificación es ${code}. Vence en ${minutes} minutos.`,
    confirmLink: (url) => `O confirme con este enlace: ${url}`,
    notYou: '¿No lo pidió? Ignore este mensaje. No se enviará nada más.',
    statusLine: (reference, when) => `Actualización para la referencia ${reference} (${when}):`,
    safety: 'Si está en peligro, llame al 911.',
    stopEmail: (url) => `Para dejar de recibir estos mensajes: ${url}`,
    stopSms: 'Responda STOP para cancelar.',
    stopCall: 'Para dejar de recibir estas llamadas, marque 9.',
    pinPrompt: 'Marque su PIN para confirmar que escuchó este mensaje.',
    smsStopped: 'No recibirá más alertas en este número. Responda START para reanudarlas.',
    smsStarted: 'Alertas reanudadas. Responda STOP para cancelar.',
    pageStopTitle: 'Dejar de recibir alertas',
    pageStopButton: 'Dejar de recibir alertas',
    pageStopDone: 'No recibirá más alertas.',
    pageConfirmTitle: 'Confirmar alertas',
    pageConfirmButton: 'Confirmar',
    pageConfirmDone: 'Las alertas están activadas. Cada mensaje explica cómo detenerlas.',
    pageInvalid: 'Este enlace no es válido o ha vencido.',
  },
  callbacks: {
    subject: 'Recibimos su solicitud',
    received: (reference) =>
      `Recibimos su solicitud. Su referencia es ${reference}. Le contactaremos en los horarios que eligió.`,
    cancel: (url) => `Para cancelarla: ${url}`,
    notYou: 'Si usted no lo pidió, ignore este mensaje.',
    sms: (reference, url) =>
      `Recibimos su solicitud ${reference}. Le contactaremos en los horarios que eligió. Para cancelarla: ${url}`,
    neutral: (reference) =>
      `Hola, esta es una llamada de cortesía sobre su solicitud, referencia ${reference}. Gracias.`,
    pageTitle: 'Cancelar su solicitud',
    pageButton: 'Cancelar la solicitud',
    pageDone: 'Su solicitud está cancelada. Nadie le contactará por ella.',
    pageInvalid: 'Este enlace no es válido.',
  },
  text: {
    status: (explained, facility, changed, freshness) =>
      [explained, facility, changed ? `Cambió el ${changed}.` : undefined, `Actualizado ${freshness}.`]
        .filter(Boolean)
        .join(' '),
    notFound: 'No hay un registro que podamos compartir para ese número. Revíselo.',
    statusUsage: 'Envíe ESTADO y el número A o de registro, p. ej. ESTADO A123456789.',
    alertsUsage: 'Envíe ALERTAS y el número A o de registro, p. ej. ALERTAS A123456789.',
    alertsRequested: 'Si hay alertas para ese número, le llegará un código. Responda con el código para activarlas.',
    alertsRefused: 'Este número no puede recibir alertas.',
    confirmed: 'Alertas activadas. Responda STOP para cancelar.',
    wrongCode: 'Ese código no es correcto o ha vencido.',
    help: 'Envíe ESTADO o ALERTAS y un número. Responda STOP para cancelar. ¿En peligro? Llame al 911.',
    tooMany: 'Demasiadas solicitudes. Intente más tarde.',
  },
  keywords: {
    stop: ['PARAR', 'ALTO', 'CANCELAR', 'BAJA', 'DETENER'],
    start: ['REANUDAR', 'INICIAR'],
    help: ['AYUDA'],
    status: ['ESTADO'],
    alerts: ['ALERTAS'],
  },
  voice: {
    speechTag: 'es-US',
    tty: true,
    prompts: {
      chooseLanguage: (digit) => `Para español, oprima ${digit}.`,
      danger: 'Si está en peligro, cuelgue y llame al 911.',
      otherLanguage: 'Para otro idioma, permanezca en la línea.',
      transferring: 'Le comunicamos con un intérprete. Espere, por favor.',
      menu: 'Para buscar por número A, oprima 1. Para buscar por número de registro, oprima 2. Para usar el número de referencia de sus mensajes de alerta, oprima 3. Para escuchar de nuevo, oprima 0. Para dejar de recibir alertas en este teléfono, oprima 9.',
      enterId: {
        'a-number': 'Marque los dígitos del número A y luego la tecla numeral. Para corregir, oprima asterisco.',
        booking: 'Marque el número de registro y luego la tecla numeral. Para corregir, oprima asterisco.',
        reference:
          'Marque el número de referencia de 10 dígitos de sus mensajes de alerta y luego la tecla numeral. Para corregir, oprima asterisco.',
      },
      correcting: 'Volvamos a empezar ese número.',
      notFound: 'No tenemos un registro que podamos compartir para ese número. Revise el número e intente de nuevo.',
      tooManyLookups: 'Demasiadas búsquedas desde este teléfono. Intente más tarde.',
      recordOf: (name) => `Registro de ${name}.`,
      facility: (name, phone) => (phone ? `Centro: ${name}. Su teléfono es ${phone}.` : `Centro: ${name}.`),
      changedOn: (date) => `Último cambio: ${date}.`,
      updated: (freshness) => `Esta información se actualizó ${freshness}.`,
      resultMenu:
        'Para recibir una llamada cuando cambie este estado, oprima 1. Para buscar otro número, oprima 2. Para escuchar de nuevo, oprima 0. Para dejar de recibir alertas en este teléfono, oprima 9.',
      registerNumber:
        'Las alertas llamarán al número desde el que llama. Para usarlo, oprima 1. Para marcar otro número, oprima 2.',
      enterNumber: 'Marque el número de teléfono de 10 dígitos para las alertas y luego la tecla numeral.',
      invalidNumber: 'Ese número no puede recibir alertas. Marque otro, por favor.',
      choosePin:
        'Elija un PIN de 4 a 8 dígitos y luego oprima la tecla numeral. Lo marcará para confirmar cada llamada de alerta.',
      invalidPin: 'Un PIN tiene de 4 a 8 dígitos.',
      repeatPin: 'Marque el mismo PIN otra vez y luego la tecla numeral.',
      pinMismatch: 'Los dos PIN no eran iguales. Intentemos de nuevo.',
      registered:
        'Gracias. Si este número puede recibir alertas, lo llamaremos pronto con un código de 6 dígitos. Marque el código durante esa llamada para activar las alertas.',
      tooManyRequests: 'Demasiadas solicitudes. Intente más tarde.',
      stopped: 'Las alertas a este teléfono están canceladas.',
      cannotStop:
        'No vemos el número desde el que llama. Para cancelar las alertas por mensaje, responda STOP a una de ellas.',
      noInput: 'No recibimos respuesta.',
      goodbye: 'Adiós.',
      enterCode: 'Para activar las alertas, marque el código ahora.',
      confirmed: 'Las alertas están activadas. Cada llamada de alerta explica cómo detenerlas. Adiós.',
      wrongCode: 'Ese código no es correcto.',
      acknowledged: 'Gracias. Adiós.',
      wrongPin: 'Ese PIN no es correcto.',
    },
  },
} satisfies ServerCatalog;
