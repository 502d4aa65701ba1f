// Español. Frases cortas para alguien con miedo y con prisa: sin consejos legales, sin jerga, sin culpa.
import type { GuideText } from './index.js';

const VOICE = 'La línea VOICE puede explicarle más: 1-855-488-6423.';
const UNSAFE =
  'Si no se siente segura o seguro, llame al 911. Una persona de apoyo en una línea de ayuda puede ayudarle a hacer un plan de seguridad.';

const es: GuideText = {
  language: 'es',
  reviewed: false,
  statuses: {
    'in-custody': {
      meaning: 'La persona está detenida en el centro que se indica. Todavía puede hacer llamadas y enviar cartas.',
      next: 'Puede ir a la corte, salir en libertad o ser trasladada a otro centro o a custodia de inmigración.',
      now: 'Regístrese para recibir alertas y así saber de cualquier cambio. Mientras la persona está detenida es un buen momento para hacer un plan de seguridad con una persona de apoyo.',
      alert: 'La persona está detenida.',
    },
    'immigration-detainer': {
      meaning:
        'La persona está en una cárcel local. Agentes de inmigración pidieron a la cárcel que les avise antes de soltarla, o que la retenga poco tiempo para llevársela.',
      next: 'La persona puede pasar a detención de inmigración. La cárcel también puede soltarla: una retención no siempre mantiene a alguien detenido.',
      now: `Regístrese para recibir alertas y prepárese para ambos casos. ${VOICE}`,
      alert: 'La persona está en una cárcel local con una retención de inmigración.',
    },
    'immigration-detention': {
      meaning: 'La persona está en un centro de detención de inmigración mientras sigue su caso de inmigración.',
      next: 'Puede quedarse semanas o meses, ser trasladada a otro centro, salir con fianza o con condiciones, o ser enviada fuera de los Estados Unidos.',
      now: `Regístrese para recibir alertas. Los traslados entre centros son comunes: vuelva a buscar cuando cambie el registro. ${VOICE}`,
      alert: 'La persona está ahora en detención de inmigración.',
    },
    transferred: {
      meaning: 'La persona fue trasladada a otro centro. Sigue detenida.',
      next: 'El nuevo lugar puede tardar un día o más en aparecer. Vuelva a buscar más tarde.',
      now: 'Vuelva a buscar o llame al centro para saber el nuevo lugar. Sus alertas siguen activas.',
      alert: 'La persona fue trasladada a otro centro.',
    },
    released: {
      meaning: 'La persona ya no está detenida y puede estar en la comunidad.',
      next: 'Puede tener condiciones que cumplir, como fechas de corte.',
      now: UNSAFE,
      alert: 'La persona salió en libertad y puede estar en la comunidad.',
    },
    'released-on-bond': {
      meaning:
        'Se pagó dinero para que la persona saliera de la detención mientras sigue su caso. Puede estar en la comunidad ahora.',
      next: 'Debe seguir yendo a sus audiencias. Si no va, pueden detenerla otra vez.',
      now: `Haga o actualice su plan de seguridad. ${UNSAFE} ${VOICE}`,
      alert: 'Salió con fianza: la persona puede estar en la comunidad.',
    },
    'released-on-order': {
      meaning:
        'La persona salió de la detención con una orden escrita y la promesa de cumplir condiciones, como presentarse ante agentes. Puede estar en la comunidad ahora.',
      next: 'Si no cumple las condiciones, pueden detenerla otra vez. Su caso sigue.',
      now: `Haga o actualice su plan de seguridad. ${UNSAFE} ${VOICE}`,
      alert: 'Salió con condiciones: la persona puede estar en la comunidad.',
    },
    supervised: {
      meaning:
        'La persona está fuera de custodia, pero debe presentarse ante un agente, por ejemplo en libertad condicional o a prueba.',
      next: 'Si no cumple las condiciones, pueden volver a detenerla.',
      now: UNSAFE,
      alert: 'La persona está fuera de custodia, bajo supervisión.',
    },
    removed: {
      meaning: 'La persona fue enviada fuera de los Estados Unidos. Ya no está detenida aquí.',
      next: 'Algunas personas intentan volver. Si ve a la persona o sabe de ella, puede avisar y pedir ayuda.',
      now: `Mantenga su plan de seguridad. Si está en peligro, llame al 911. ${VOICE}`,
      alert: 'La persona fue enviada fuera de los Estados Unidos.',
    },
    'voluntary-departure': {
      meaning: 'Se permitió a la persona salir de los Estados Unidos por su cuenta, antes de una fecha fija.',
      next: 'Si no sale antes de esa fecha, el registro puede cambiar. Algunas personas intentan volver.',
      now: `Mantenga su plan de seguridad. Si está en peligro, llame al 911. ${VOICE}`,
      alert: 'Se permitió a la persona salir de los Estados Unidos por su cuenta.',
    },
    escaped: {
      meaning: 'La persona salió de custodia sin permiso. Nadie sabe dónde está.',
      next: 'La policía la está buscando. El registro cambiará cuando la encuentren.',
      now: 'Si está en peligro, llame al 911 ahora. No se acerque a la persona. Después llame a una línea de ayuda para hacer un plan de seguridad.',
      alert: 'La persona salió de custodia sin permiso.',
    },
    'returned-to-custody': {
      meaning: 'La persona estaba fuera y está detenida otra vez.',
      next: 'Puede salir otra vez más adelante, o ser trasladada.',
      now: 'Mantenga sus alertas activas. Es un buen momento para actualizar su plan de seguridad.',
      alert: 'La persona está detenida otra vez.',
    },
    deceased: {
      meaning: 'El centro informa que la persona falleció.',
      next: 'El registro puede cerrarse o desaparecer después de un tiempo.',
      now: 'Una noticia así puede traer sentimientos fuertes y mezclados. Una persona de apoyo en una línea de ayuda puede hablar con usted.',
      alert: 'El centro informa que la persona falleció.',
    },
    unknown: {
      meaning:
        'El registro no dice dónde está la persona ahora. Pasa cuando los datos llegan tarde o cuando un estado es nuevo para esta herramienta.',
      next: 'El registro puede actualizarse pronto.',
      now: `Llame al centro o a una persona de apoyo en una línea de ayuda. ${VOICE}`,
      alert: 'El estado cambió. Todavía no hay detalles.',
    },
  },
  topics: [
    {
      id: 'detainer',
      title: '¿Qué es una retención de inmigración?',
      body: 'Agentes de inmigración pueden pedir a una cárcel local que les avise antes de soltar a alguien, o que retenga a la persona poco tiempo para recogerla. Mientras dura la retención, la persona sigue en la cárcel.',
    },
    {
      id: 'detention',
      title: '¿Qué es la detención de inmigración?',
      body: 'Los centros de detención de inmigración retienen a personas mientras sigue su caso de inmigración. A menudo las trasladan entre centros, a veces lejos.',
    },
    {
      id: 'bond',
      title: '¿Qué significa salir con fianza o con condiciones?',
      body: 'Un juez o un agente puede dejar que una persona salga de la detención si se paga dinero (fianza) o si promete cumplir condiciones, como presentarse. La persona puede estar en la comunidad mientras sigue su caso.',
    },
    {
      id: 'removal',
      title: '¿Qué significa ser enviado fuera del país?',
      body: 'La persona fue enviada fuera de los Estados Unidos. La salida voluntaria significa que se le permitió irse por su cuenta. Algunas personas intentan volver: mantenga su plan de seguridad.',
    },
    {
      id: 'changes',
      title: '¿Por qué un registro puede cambiar o desaparecer?',
      body: 'Los centros envían datos según su propio horario, así que esta página puede tener horas o días de atraso. Un registro puede desaparecer después de una salida, un envío fuera del país o un traslado, o cuando la persona está protegida. Si un registro ya no está, no significa que la persona siga detenida: llame al centro o a la línea VOICE, 1-855-488-6423.',
    },
  ],
};

export default es;
