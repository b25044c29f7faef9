import { fromPastedHtml } from '../common/import/fromPastedHtml';
import { linkedomEnvironment } from '../main/import/linkedomEnvironment';
const html = '<p class=MsoTitle align=center>关于做好防汛工作的通知<o:p></o:p></p><p class=MsoNormal><b>（一）压实责任。</b>各单位要落实责任。<o:p></o:p></p>';
console.log(JSON.stringify(fromPastedHtml(html, linkedomEnvironment()), null, 1).slice(0, 1500));
