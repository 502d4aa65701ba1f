// Chinese (Simplified) search vocabulary (data only; see ../search/vocabulary.ts for the format). Queries and these
// phrases are cut into words by Intl.Segmenter the same way, so a phrase needs no spaces.
import type { Vocabulary } from '../search/vocabulary.js';

export const zh: Vocabulary = {
  lang: 'zh',
  stopwords:
    '我 我的 我们 你 他 她 的 了 在 是 有 和 要 想 需要 请 哪里 哪儿 找 一个 个 吗 呢 吧 帮助 帮忙 帮 附近 服务',
  categories: {
    hotline: '热线|求助热线|电话|打电话|找人聊聊|找人说话|有人倾听|24小时',
    'domestic-violence': '家暴|家庭暴力|丈夫打我|老公打我|打我|被打|殴打|虐待|丈夫|老公|男朋友|伴侣|前夫|亲密伴侣暴力',
    'sexual-assault': '性侵|性侵犯|强奸|被强奸|性暴力|性骚扰|猥亵|性虐待',
    shelter: '庇护所|避难所|收容所|安全屋|住的地方|安全的地方|睡觉的地方|今晚|无家可归|紧急住所|庇护',
    counseling: '心理咨询|咨询|辅导|心理辅导|心理治疗|治疗|心理医生|心理健康|创伤|抑郁|焦虑',
    'legal-aid': '律师|法律援助|法律帮助|法律咨询|免费律师|法律|离婚|抚养权',
    'protective-orders': '保护令|禁制令|限制令|人身安全保护令',
    'victim-compensation': '受害者赔偿|赔偿|补偿|丧葬费|葬礼|医疗费|误工费',
    'victim-advocacy': '受害者援助|受害者权利|受害者支持|检察官',
    'court-accompaniment': '法院|法庭|出庭|作证|审判|开庭',
    'human-trafficking': '人口贩卖|人口贩运|拐卖|强迫劳动|被迫工作|剥削',
    'child-abuse': '虐待儿童|儿童虐待|孩子|我的孩子|儿童|子女',
    'elder-abuse': '虐待老人|老人|老年人|奶奶|爷爷|外婆|外公',
    stalking: '跟踪|跟踪我|尾随|骚扰|纠缠',
    'homicide-survivors': '谋杀|凶杀|被杀|杀害|遇害|丧亲|悲伤',
    immigration: '移民|移民身份|无证|没有身份|签证|u签证|驱逐|递解|庇护申请|绿卡',
    medical: '医院|医生|护士|急诊|受伤|看病|医疗',
    housing: '住房|房租|租房|公寓|过渡住房',
    'financial-assistance': '经济援助|经济帮助|钱|付账单|账单',
    'support-group': '互助小组|支持小组|互助会|幸存者',
    'custody-notification': '监狱|出狱|释放|囚犯|坐牢|什么时候出来',
  },
  crisis: '紧急|救命|救救我|危险|有危险|害怕|我很害怕|要杀我|杀了我|威胁|马上|立刻|现在就|有枪|有刀',
  selfHarm: '自杀|想死|不想活|不想活了|自残|伤害自己',
  channels: {
    text: '短信|发短信|文字|聊天|聋人|听障|不能说话',
    tty: 'tty|聋人|听障|听力障碍',
  },
  languages: {
    zh: '中文|普通话|国语|粤语|广东话|华语',
    en: '英语|英文',
    es: '西班牙语',
    vi: '越南语',
  },
};
