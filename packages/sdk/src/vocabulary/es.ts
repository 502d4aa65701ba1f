// Spanish search vocabulary (data only; see ../search/vocabulary.ts for the format). Accents are folded.
import type { Vocabulary } from '../search/vocabulary.js';

export const es: Vocabulary = {
  lang: 'es',
  stopwords:
    'a al algo alguien ayuda ayudar busco cerca como con cual de del donde el ella ellos en es esta este estoy favor hay ' +
    'la las le lo los me mi mis muy necesito no nos o para pero por porfavor puedo que quien quiero se ser servicio ' +
    'servicios si soy su sus te tengo un una unos y ya yo',
  categories: {
    hotline:
      'linea de ayuda|linea directa|linea de crisis|linea telefonica|hablar con alguien|24 horas|llamar|alguien que me escuche|hablar con una persona',
    'domestic-violence':
      'violencia domestica|violencia familiar|violencia intrafamiliar|violencia de pareja|maltrato|maltrato domestico|' +
      'abuso domestico|me pega|mi esposo me pega|golpes|golpeada|pareja violenta|abusador|esposo|marido|novio|pareja|' +
      'me golpea|me maltrata|me pego|me golpeo|violento|celoso',
    'sexual-assault':
      'agresion sexual|me toco|la toco|lo toco|tocamientos|manoseo|asalto sexual|violacion|violada|abuso sexual|violencia sexual|acoso sexual',
    shelter:
      'refugio|refugios|albergue|albergues|casa de seguridad|casa segura|lugar seguro|donde quedarme|lugar para dormir|alojamiento de emergencia|' +
      'donde dormir|quedarme|dormir esta noche|esta noche|salir de mi casa|sin casa|no tengo donde',
    counseling:
      'consejeria|consejero|consejera|terapia|terapeuta|psicologo|psicologa|salud mental|apoyo emocional|asesoramiento psicologico|trauma',
    'legal-aid':
      'abogado|abogada|abogados|asesoria legal|asesoria juridica|ayuda legal|servicios legales|asistencia legal|consulta legal|' +
      'divorcio|custodia de mis hijos',
    'protective-orders':
      'orden de proteccion|orden de restriccion|orden de alejamiento|orden protectora|ordenes de proteccion',
    'victim-compensation':
      'compensacion|compensacion a victimas|indemnizacion|reembolso|dinero para el funeral|gastos funerarios|funeral|entierro|' +
      'gastos medicos|salarios perdidos',
    'victim-advocacy':
      'defensor de victimas|defensora de victimas|intercesor|intercesora|apoyo a victimas|asistencia a victimas|' +
      'servicios para victimas|derechos de las victimas|fiscalia|fiscal',
    'court-accompaniment':
      'acompanamiento a la corte|acompanamiento|corte|tribunal|juzgado|audiencia|juicio|testificar',
    'human-trafficking':
      'trata de personas|trata|mi pasaporte|pasaporte|sin pago|no me pagan|mi patron|mi jefe|trafico de personas|trabajo forzado|explotacion|explotacion sexual',
    'child-abuse': 'abuso infantil|mi nina|mi nino|maltrato infantil|abuso de menores|ninos|mi hijo|mi hija|menores',
    'elder-abuse': 'abuso de ancianos|maltrato de ancianos|adultos mayores|personas mayores|anciano|anciana',
    stalking: 'acecho|acosador|acoso|me sigue|me persigue|hostigamiento',
    'homicide-survivors': 'homicidio|asesinato|asesinado|asesinada|duelo|perdida de un ser querido',
    immigration:
      'inmigracion|inmigrante|inmigrantes|indocumentado|indocumentada|visa u|visa t|papeles|deportacion|asilo|ciudadania',
    medical: 'medico|medica|hospital|clinica|enfermera|atencion medica|sala de emergencias|lesiones|heridas',
    housing: 'vivienda|renta|alquiler|apartamento|vivienda transitoria|desalojo',
    'financial-assistance': 'asistencia financiera|ayuda financiera|ayuda economica|dinero|pagar cuentas',
    'support-group': 'grupo de apoyo|grupos de apoyo|apoyo entre pares|sobrevivientes',
    'custody-notification': 'notificacion de custodia|cuando salga|preso|reo|carcel|recluso|liberacion',
  },
  crisis:
    'ayuda ahora|ayudame|necesito ayuda ahora|auxilio|socorro|emergencia|urgente|urgencia|peligro|' +
    'en peligro|crisis|tengo miedo|miedo|me quiere matar|me va a matar|me amenaza|me amenazo|amenaza con matarme|ahora mismo|' +
    'inmediatamente|tiene un arma|tiene una pistola',
  selfHarm:
    'suicidio|suicidarme|quiero morir|matarme|quitarme la vida|hacerme dano|lastimarme|cortarme|' +
    'no quiero vivir|ya no quiero vivir',
  channels: {
    text: 'texto|por texto|mensaje de texto|mensajes|chat|sordo|sorda|no puedo hablar|no puedo llamar',
    tty: 'tty|sordo|sorda|sordomudo|sordomuda|problemas de audicion',
  },
  languages: {
    es: 'espanol|en espanol|hispanohablante|habla espanol|hablan espanol',
    en: 'ingles|en ingles',
    vi: 'vietnamita',
    zh: 'chino|mandarin|cantones',
    pt: 'portugues',
  },
};
