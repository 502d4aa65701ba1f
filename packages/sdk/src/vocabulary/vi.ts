// Vietnamese search vocabulary (data only; see ../search/vocabulary.ts for the format). Tones and marks are folded,
// so "nhà tạm trú" and "nha tam tru" are the same phrase.
import type { Vocabulary } from '../search/vocabulary.js';

export const vi: Vocabulary = {
  lang: 'vi',
  stopwords:
    'anh ay bi cac can cho chi co cua da dang de den di du em gi giup giúp hay khong la lam mot minh nao nay nhu nhung ' +
    'o oi ong toi tim tren trong va ve voi xin duoc vui long ai ba se muon',
  categories: {
    hotline: 'duong day nong|tong dai|goi dien|noi chuyen voi ai do|can nguoi noi chuyen|24 gio|24 7',
    'domestic-violence':
      'bao luc gia dinh|bao hanh gia dinh|bao luc trong gia dinh|chong danh|chong toi danh toi|danh toi|bi danh|' +
      'nguoi yeu danh|chong|vo|ban trai|bao hanh',
    'sexual-assault': 'hiep dam|bi hiep dam|tan cong tinh duc|lam dung tinh duc|xam hai tinh duc|quay roi tinh duc',
    shelter:
      'nha tam tru|noi tru an|tru an|cho o|cho o an toan|noi an toan|nha an toan|cho ngu|ngu dem nay|dem nay|khong co cho o|vo gia cu',
    counseling:
      'tu van|tu van tam ly|tri lieu|nha tri lieu|bac si tam ly|suc khoe tam than|ho tro tinh than|sang chan|tram cam|lo au',
    'legal-aid': 'luat su|tro giup phap ly|tu van phap ly|giup do phap ly|phap ly|ly hon|quyen nuoi con',
    'protective-orders': 'lenh bao ve|lenh cam tiep xuc|lenh giam sat|lenh cach ly',
    'victim-compensation':
      'boi thuong|boi thuong nan nhan|tien boi thuong|tien dam tang|dam tang|chi phi y te|hoan tien',
    'victim-advocacy': 'ho tro nan nhan|quyen cua nan nhan|nguoi bao ve nan nhan|cong to vien',
    'court-accompaniment': 'toa an|phien toa|xet xu|ra toa|lam chung',
    'human-trafficking': 'buon nguoi|mua ban nguoi|lao dong cuong buc|bi ep lam viec|bi bat lam viec|boc lot',
    'child-abuse': 'bao hanh tre em|lam dung tre em|tre em bi bao hanh|con toi|cac con|tre em|con cai',
    'elder-abuse': 'nguoi gia|nguoi cao tuoi|bao hanh nguoi gia|ba ngoai|ong ngoai|ba noi|ong noi',
    stalking: 'theo doi toi|bam theo|theo doi|ren ri|quay roi|bi theo doi',
    'homicide-survivors': 'giet nguoi|bi giet|an mang|mat nguoi than|dau buon|tang gia',
    immigration: 'di tru|nhap cu|nguoi nhap cu|khong giay to|giay to|visa u|visa t|truc xuat|ti nan|the xanh|quoc tich',
    medical: 'bac si|benh vien|phong kham|y ta|bi thuong|cap cuu|y te',
    housing: 'nha o|thue nha|tien nha|can ho|nha chuyen tiep',
    'financial-assistance': 'tro giup tai chinh|ho tro tai chinh|tien|tra hoa don|hoa don',
    'support-group': 'nhom ho tro|nhom chia se|nguoi song sot',
    'custody-notification': 'nha tu|ra tu|tha tu|phong thich|tu nhan|khi nao anh ta ra tu|trai giam',
  },
  crisis:
    'khan cap|cap bach|nguy hiem|dang gap nguy hiem|cuu toi|cuu voi|cuu|so hai|toi so|toi rat so|hoang so|' +
    'giet toi|se giet toi|doa giet|ngay bay gio|ngay lap tuc|co sung|co dao',
  selfHarm: 'muon chet|tu tu|tu sat|tu lam hai ban than|lam hai ban than',
  channels: {
    text: 'nhan tin|tin nhan|tin nhan van ban|chat|khiem thinh|diec|khong noi duoc',
    tty: 'tty|khiem thinh|diec|nghe kem',
  },
  languages: {
    vi: 'tieng viet|nguoi viet|noi tieng viet',
    en: 'tieng anh',
    zh: 'tieng hoa|tieng trung',
    es: 'tieng tay ban nha',
  },
};
