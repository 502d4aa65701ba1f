// Tiếng Việt. Câu ngắn cho người đang sợ hãi và vội vàng: không tư vấn pháp lý, không thuật ngữ, không đổ lỗi.
// Machine-drafted, not yet reviewed by a native speaker (`reviewed: false`).
import type { GuideText } from './index.js';

const VOICE = 'Đường dây VOICE có thể giải thích thêm: 1-855-488-6423.';
const UNSAFE =
  'Nếu quý vị cảm thấy không an toàn, hãy gọi 911. Một người hỗ trợ trên đường dây trợ giúp có thể giúp quý vị lập kế hoạch an toàn.';

const vi: GuideText = {
  language: 'vi',
  reviewed: false,
  statuses: {
    'in-custody': {
      meaning: 'Người này đang bị giam tại cơ sở được ghi ở đây. Họ vẫn có thể gọi điện và gửi thư.',
      next: 'Họ có thể ra tòa, được thả, hoặc bị chuyển đến cơ sở khác hoặc sang giam giữ di trú.',
      now: 'Hãy đăng ký nhận thông báo để biết khi có bất kỳ thay đổi nào. Lúc người này đang bị giam là thời điểm tốt để lập kế hoạch an toàn với một người hỗ trợ.',
      alert: 'Người này đang bị giam.',
    },
    'immigration-detainer': {
      meaning:
        'Người này đang ở một nhà tù địa phương. Nhân viên di trú đã yêu cầu nhà tù báo cho họ trước khi thả, hoặc giữ người này thêm một thời gian ngắn để họ đến nhận.',
      next: 'Người này có thể bị chuyển sang giam giữ di trú. Nhà tù cũng có thể thả họ: yêu cầu giữ người không phải lúc nào cũng khiến một người bị giam tiếp.',
      now: `Hãy đăng ký nhận thông báo và chuẩn bị cho cả hai trường hợp. ${VOICE}`,
      alert: 'Người này đang ở một nhà tù địa phương, có yêu cầu giữ người của di trú.',
    },
    'immigration-detention': {
      meaning:
        'Người này đang bị giam tại một trung tâm giam giữ di trú trong khi hồ sơ di trú của họ vẫn đang tiếp tục.',
      next: 'Họ có thể ở đó nhiều tuần hoặc nhiều tháng, bị chuyển đến trung tâm khác, được thả có tiền bảo lãnh hoặc có điều kiện, hoặc bị đưa ra khỏi Hoa Kỳ.',
      now: `Hãy đăng ký nhận thông báo. Việc chuyển giữa các trung tâm là chuyện thường gặp, vì vậy hãy xem lại khi hồ sơ thay đổi. ${VOICE}`,
      alert: 'Người này hiện đang bị giam giữ di trú.',
    },
    transferred: {
      meaning: 'Người này đã bị chuyển đến một cơ sở khác. Họ vẫn đang bị giam.',
      next: 'Nơi mới có thể mất một ngày hoặc lâu hơn mới hiện ra. Hãy tìm lại sau.',
      now: 'Hãy tìm lại, hoặc gọi cho cơ sở để hỏi nơi mới. Thông báo của quý vị vẫn tiếp tục.',
      alert: 'Người này đã bị chuyển đến một cơ sở khác.',
    },
    released: {
      meaning: 'Người này không còn bị giam và có thể đang ở ngoài cộng đồng.',
      next: 'Họ có thể phải tuân theo một số điều kiện, ví dụ như các ngày ra tòa.',
      now: UNSAFE,
      alert: 'Người này đã được thả và có thể đang ở ngoài cộng đồng.',
    },
    'released-on-bond': {
      meaning:
        'Đã có người trả tiền để người này được rời nơi giam giữ trong khi hồ sơ của họ vẫn đang tiếp tục. Hiện họ có thể đang ở ngoài cộng đồng.',
      next: 'Họ phải tiếp tục đến các buổi điều trần. Nếu không, họ có thể bị giam lại.',
      now: `Hãy lập hoặc cập nhật kế hoạch an toàn của quý vị. ${UNSAFE} ${VOICE}`,
      alert: 'Được thả có tiền bảo lãnh: người này có thể đang ở ngoài cộng đồng.',
    },
    'released-on-order': {
      meaning:
        'Người này rời nơi giam giữ theo một lệnh bằng văn bản và lời hứa tuân theo các điều kiện, ví dụ như trình diện với nhân viên. Hiện họ có thể đang ở ngoài cộng đồng.',
      next: 'Nếu họ không tuân theo các điều kiện, họ có thể bị giam lại. Hồ sơ của họ vẫn tiếp tục.',
      now: `Hãy lập hoặc cập nhật kế hoạch an toàn của quý vị. ${UNSAFE} ${VOICE}`,
      alert: 'Được thả có điều kiện: người này có thể đang ở ngoài cộng đồng.',
    },
    supervised: {
      meaning:
        'Người này không còn bị giam nhưng phải trình diện với một nhân viên, ví dụ như khi được tạm tha hoặc đang quản chế.',
      next: 'Nếu họ vi phạm các điều kiện, họ có thể bị giam lại.',
      now: UNSAFE,
      alert: 'Người này không còn bị giam, nhưng đang bị giám sát.',
    },
    removed: {
      meaning: 'Người này đã bị đưa ra khỏi Hoa Kỳ. Họ không còn bị giam ở đây.',
      next: 'Một số người tìm cách quay lại. Nếu quý vị thấy người này hoặc được người này liên lạc, quý vị có thể báo cáo và xin giúp đỡ.',
      now: `Hãy giữ kế hoạch an toàn của quý vị. Nếu quý vị gặp nguy hiểm, hãy gọi 911. ${VOICE}`,
      alert: 'Người này đã bị đưa ra khỏi Hoa Kỳ.',
    },
    'voluntary-departure': {
      meaning: 'Người này được phép tự rời khỏi Hoa Kỳ trước một ngày đã định.',
      next: 'Nếu họ không rời đi trước ngày đó, hồ sơ có thể thay đổi. Một số người tìm cách quay lại.',
      now: `Hãy giữ kế hoạch an toàn của quý vị. Nếu quý vị gặp nguy hiểm, hãy gọi 911. ${VOICE}`,
      alert: 'Người này được phép tự rời khỏi Hoa Kỳ.',
    },
    escaped: {
      meaning: 'Người này đã rời nơi giam giữ mà không được phép. Không ai biết họ đang ở đâu.',
      next: 'Cảnh sát đang tìm họ. Hồ sơ sẽ thay đổi khi họ được tìm thấy.',
      now: 'Nếu quý vị gặp nguy hiểm, hãy gọi 911 ngay. Đừng đến gần người này. Sau đó hãy gọi một đường dây trợ giúp để được giúp lập kế hoạch an toàn.',
      alert: 'Người này đã rời nơi giam giữ mà không được phép.',
    },
    'returned-to-custody': {
      meaning: 'Người này đã ra ngoài và nay lại bị giam.',
      next: 'Sau này họ có thể lại được thả, hoặc bị chuyển đi.',
      now: 'Hãy tiếp tục nhận thông báo. Đây là thời điểm tốt để cập nhật kế hoạch an toàn của quý vị.',
      alert: 'Người này lại đang bị giam.',
    },
    deceased: {
      meaning: 'Cơ sở cho biết người này đã qua đời.',
      next: 'Hồ sơ có thể được đóng lại hoặc biến mất sau một thời gian.',
      now: 'Tin như thế này có thể gây ra những cảm xúc mạnh và lẫn lộn. Một người hỗ trợ trên đường dây trợ giúp có thể nói chuyện với quý vị.',
      alert: 'Cơ sở cho biết người này đã qua đời.',
    },
    unknown: {
      meaning:
        'Hồ sơ không cho biết hiện người này đang ở đâu. Điều này xảy ra khi dữ liệu bị chậm, hoặc khi một tình trạng còn mới với công cụ này.',
      next: 'Hồ sơ có thể sớm được cập nhật.',
      now: `Hãy gọi cho cơ sở hoặc một người hỗ trợ trên đường dây trợ giúp. ${VOICE}`,
      alert: 'Tình trạng đã thay đổi. Chưa có thông tin chi tiết.',
    },
  },
  topics: [
    {
      id: 'detainer',
      title: 'Yêu cầu giữ người của di trú (detainer) là gì?',
      body: 'Nhân viên di trú có thể yêu cầu một nhà tù địa phương báo cho họ trước khi thả một người, hoặc giữ người đó thêm một thời gian ngắn để nhân viên đến nhận. Người này vẫn ở trong nhà tù trong khi có yêu cầu giữ người.',
    },
    {
      id: 'detention',
      title: 'Giam giữ di trú là gì?',
      body: 'Các trung tâm giam giữ di trú giữ người trong khi hồ sơ di trú của họ vẫn đang tiếp tục. Người bị giam thường bị chuyển giữa các trung tâm, đôi khi đến nơi rất xa.',
    },
    {
      id: 'bond',
      title: 'Được thả có tiền bảo lãnh hoặc có điều kiện nghĩa là gì?',
      body: 'Thẩm phán hoặc nhân viên có thể cho một người rời nơi giam giữ nếu có người trả tiền (tiền bảo lãnh), hoặc nếu họ hứa tuân theo các điều kiện, ví dụ như trình diện định kỳ. Khi đó người này có thể ở ngoài cộng đồng trong khi hồ sơ của họ vẫn tiếp tục.',
    },
    {
      id: 'removal',
      title: 'Bị trục xuất nghĩa là gì?',
      body: 'Bị trục xuất nghĩa là người này đã bị đưa ra khỏi Hoa Kỳ. Tự nguyện rời đi nghĩa là họ được phép tự rời khỏi. Một số người tìm cách quay lại, vì vậy hãy giữ kế hoạch an toàn của quý vị.',
    },
    {
      id: 'changes',
      title: 'Tại sao hồ sơ có thể thay đổi hoặc biến mất?',
      body: 'Các cơ sở gửi thông tin cập nhật theo lịch riêng của họ, nên trang này có thể chậm vài giờ hoặc vài ngày. Hồ sơ có thể biến mất sau khi người này được thả, bị trục xuất hoặc bị chuyển đi, hoặc khi người này được bảo vệ. Nếu hồ sơ không còn, điều đó không có nghĩa là người này vẫn đang bị giam: hãy gọi cho cơ sở hoặc đường dây VOICE, 1-855-488-6423.',
    },
  ],
};

export default vi;
