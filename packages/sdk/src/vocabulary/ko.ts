// Korean search vocabulary (data only; see ../search/vocabulary.ts for the format). Particles glued to nouns
// ("쉼터를", "남편이") are listed as suffixes, so the bare noun is enough here.
import type { Vocabulary } from '../search/vocabulary.js';

export const ko: Vocabulary = {
  lang: 'ko',
  stopwords:
    '저 제 저는 나 내 나는 좀 주세요 필요해요 필요합니다 필요 있어요 있나요 어디 어디에 찾고 찾아요 도와주세요 도움 그리고 그 이 수 것 를 을 가',
  categories: {
    hotline: '핫라인|상담전화|전화 상담|긴급전화|누군가와 이야기|얘기할 사람|이야기할 사람|24시간|전화',
    'domestic-violence':
      '가정폭력|가정 폭력|데이트 폭력|남편|남편이 때려요|때려요|때려|때린다|맞았어요|맞고 있어요|폭행|배우자|남자친구|아내 폭력|학대',
    'sexual-assault': '성폭력|성폭행|강간|성추행|성학대|성범죄|성희롱',
    shelter: '쉼터|보호시설|피난처|안전한 곳|머물 곳|잘 곳|오늘 밤|갈 곳이 없어요|갈 곳|임시 거처|긴급 숙소',
    counseling: '상담|심리상담|상담사|치료|심리치료|정신건강|트라우마|우울증|불안',
    'legal-aid': '변호사|법률 지원|법률 상담|법률구조|무료 변호사|법률|이혼|양육권',
    'protective-orders': '보호명령|접근금지|접근 금지 명령|접근금지명령|임시조치',
    'victim-compensation': '피해자 보상|보상금|보상|장례비|장례|의료비|범죄피해자 구조금',
    'victim-advocacy': '피해자 지원|피해자 권리|피해자 옹호|검사',
    'court-accompaniment': '법원|재판|법정|증언|심리',
    'human-trafficking': '인신매매|강제 노동|강제노동|착취|성매매 강요',
    'child-abuse': '아동학대|아동 학대|아이|아이들|우리 아이|자녀|아동',
    'elder-abuse': '노인학대|노인 학대|노인|어르신|할머니|할아버지',
    stalking: '스토킹|스토커|따라다녀요|쫓아와요|미행',
    'homicide-survivors': '살인|살해|피살|유족|사별|애도',
    immigration: '이민|이민자|서류 미비|불법체류|체류|비자|u 비자|추방|망명|영주권',
    medical: '병원|의사|간호사|진료|응급실|부상|다쳤어요',
    housing: '주거|월세|임대|아파트|집',
    'financial-assistance': '재정 지원|경제적 지원|돈|생활비|공과금',
    'support-group': '자조 모임|지지 모임|지원 모임|생존자',
    'custody-notification': '교도소|감옥|출소|석방|수감자|언제 나와요',
  },
  crisis:
    '긴급|응급|위험|위험해요|도와줘|살려주세요|살려줘|무서워요|무서워|죽이겠다고|죽일 거예요|지금 당장|당장|칼|총',
  selfHarm: '죽고 싶어요|죽고 싶다|자살|자해',
  channels: {
    text: '문자|문자로|채팅|청각장애|농인|말을 할 수 없어요',
    tty: 'tty|청각장애|농인|수어',
  },
  languages: {
    ko: '한국어|한국말|한국어로',
    en: '영어',
    zh: '중국어',
    es: '스페인어',
  },
  affixes:
    '-은 -는 -이 -가 -을 -를 -에 -에서 -에게 -한테 -의 -도 -와 -과 -로 -으로 -이요 -요 -이에요 -예요 -입니다 -해요 -가요',
};
