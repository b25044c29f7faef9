/**
 * Shapes of real 公文 the corpus does not have (found with tests/fixtures/unseen): a page's chrome and
 * layout tables, 密级 and 紧急程度, 签发人, ISO dates, spaced-out posts, a 纪要's number, a 主送 over two
 * lines, a joint title over five lines, a body sentence ending with 如下：.
 */
import { describe, expect, it } from 'vitest';
import { recognisedFields } from '../common/import/report';
import { importDocumentFromText, importIssueFromText } from '../common/import/fromText';
import { importIssueFromHtml } from '../common/import/fromHtml';
import { isMasthead, isPersonSignature, matchDocNumber, parseDateLine } from '../common/import/gongwen';
import { isChromeLine, isPageMetaLine, stripPageChrome } from '../common/import/pageChrome';
import { splitLines } from '../common/import/lines';
import { linkedomEnvironment } from '../main/import/linkedomEnvironment';
import { contentPlainText, plainText, type TableElement } from '../common/model';

const docs = (text: string) => importIssueFromText(text).tree.sections.flatMap((s) => s.documents);

describe('a web page around the document', () => {
  it('drops the breadcrumb, the font switch and the footer run, and keeps a sentence that names 打印', () => {
    const lines = splitLines(
      ['当前位置：首页 > 政务公开 > 通知公告', '【字体：大 中 小】', '某某市人民政府关于做好打印设备采购工作的通知', '各部门：', '\u3000\u3000请于3月底前报送打印设备需求，来源：各单位自查。', '某某市人民政府', '2024年3月5日', '【打印本页】【关闭窗口】', '上一篇：关于某事的通知', '版权所有：某某市人民政府\u3000青ICP备11000123号'].join('\n'),
    );
    const { lines: kept, dropped } = stripPageChrome(lines);
    expect(dropped.map((l) => l.no)).toEqual([1, 2, 8, 9, 10]);
    expect(kept.map((l) => l.text).filter(Boolean)).toContain('\u3000\u3000请于3月底前报送打印设备需求，来源：各单位自查。');
  });

  it('keeps a journal\'s own 主办 and 责任编辑 lines at the top (footer words count only at a page\'s end)', () => {
    expect(isChromeLine('主办：格尔木市人民政府办公室')).toBe(false);
    expect(isChromeLine('主办：格尔木市人民政府办公室', true)).toBe(true);
  });

  it('drops a <ul> menu with 首页 and an info table, so the navigation is no document of its own', () => {
    const html = `<div class="nav"><ul><li>首页</li><li>政务公开</li><li>互动交流</li></ul></div>
      <table><tr><td>索引号：</td><td>123/2024-1</td><td>主题分类：</td><td>城乡建设</td></tr><tr><td>发布机构：</td><td>某某市人民政府办公室</td><td>成文日期：</td><td>2024年03月05日</td></tr></table>
      <p align="center">某某市人民政府办公室关于做好春季防火工作的通知</p><p align="center">某政办〔2024〕21号</p>
      <p>各乡镇人民政府，市政府各部门：</p><p>\u3000\u3000当前已进入春季防火关键期，现将有关事项通知如下。</p>
      <p align="right">某某市人民政府办公室</p><p align="right">2024年3月5日</p>`;
    const result = importIssueFromHtml(html, linkedomEnvironment());
    if (!result.ok) throw new Error(result.error.message);
    const all = result.tree.sections.flatMap((s) => s.documents);
    expect(all).toHaveLength(1);
    expect(all[0].title).toBe('某某市人民政府办公室关于做好春季防火工作的通知');
    expect(contentPlainText(all[0].content)).not.toMatch(/首页|索引号|互动交流/);
    expect(result.warnings.filter((w) => w.code === 'page-chrome-dropped').map((w) => w.text)).toContain('首页');
  });

  it('reads a page laid out in nested tables cell by cell, a <td align=center> title with <br> as centred lines', () => {
    const html = `<table><tr><td class="nav">网站首页 | 政务公开</td></tr><tr><td><table><tr><td align="center"><b>某某市人民政府关于同意设立<br>某某中心的批复</b></td></tr>
      <tr><td><center>某政复〔2024〕9号</center>市卫生健康局：<br>&nbsp;&nbsp;&nbsp;&nbsp;你局请示收悉。经研究，同意设立某某中心。<br><p align="right">某某市人民政府<br>2024年3月5日</p></td></tr></table></td></tr>
      <tr><td>版权所有：某某市人民政府\u3000青ICP备10000123号</td></tr></table>`;
    const result = importIssueFromHtml(html, linkedomEnvironment());
    if (!result.ok) throw new Error(result.error.message);
    const all = result.tree.sections.flatMap((s) => s.documents);
    expect(all).toHaveLength(1);
    const fields = recognisedFields(all[0].content);
    expect(fields).toMatchObject({ title: '某某市人民政府关于同意设立某某中心的批复', docNumber: '某政复〔2024〕9号', addressee: '市卫生健康局：', signature: ['某某市人民政府'], date: '2024-03-05' });
    expect(contentPlainText(all[0].content)).not.toMatch(/版权所有|网站首页/);
  });
});

describe('a municipal page whose title is only its <h1>', () => {
  it('takes the <h1> above the centred 文号 as the title, without the greeting bar, the info line or the download links', () => {
    const html = `<div class="topbar">欢迎访问某某县人民政府网站！ 今天是：2024年3月8日 星期五</div>
      <div class="dqwz">您的位置：首页 » 信息公开 » 政府文件</div>
      <h1 class="title">关于印发《某某县培训实施方案》的通知</h1>
      <div class="meta">时间：2024-03-08\u3000来源：县人社局\u3000【字号：大 中 小】</div>
      <p style="text-align:center">某政办〔2024〕7号</p><p>各乡镇人民政府，县政府各部门：</p>
      <p>\u3000\u3000《某某县培训实施方案》已经县政府同意，现印发给你们，请认真贯彻执行。</p>
      <p style="text-align:right">某某县人民政府办公室</p><p style="text-align:right">2024年3月5日</p>
      <div class="fj">附件下载：某某县培训实施方案.docx</div><div>【我要纠错】 责任编辑：王某</div>`;
    const result = importIssueFromHtml(html, linkedomEnvironment());
    if (!result.ok) throw new Error(result.error.message);
    const [doc, ...more] = result.tree.sections.flatMap((s) => s.documents);
    expect(more).toEqual([]);
    expect(recognisedFields(doc.content)).toMatchObject({ title: '关于印发《某某县培训实施方案》的通知', docNumber: '某政办〔2024〕7号', signature: ['某某县人民政府办公室'], date: '2024-03-05' });
    expect(contentPlainText(doc.content)).not.toMatch(/欢迎访问|您的位置|字号|附件下载|纠错|责任编辑/);
  });
});

describe('a page that prints its 文号 only in its information table', () => {
  it('gives the document the table\'s 文号 (saying so) and reads a 指挥部 list as a leader list', () => {
    const html = `<table><tr><th>索引号：</th><td>1163/2024-00031</td><th>信息分类：</th><td>机构职能</td></tr>
      <tr><th>发布机构：</th><td>某某市人民政府办公室</td><th>成文日期：</th><td>2024-03-05</td></tr><tr><th>文号：</th><td>某政办〔2024〕26号</td></tr></table>
      <p align="center">某某市人民政府办公室关于调整防灭火指挥部成员的通知</p><p>各乡镇人民政府，市政府各部门：</p>
      <p>现将调整后的成员名单通知如下：</p><p>总指挥：王某某 市委副书记、市长</p><p>副总指挥：李某某 市政府副市长</p><p>成 员：张某某 市应急管理局局长</p>
      <p align="right">某某市人民政府办公室</p><p align="right">2024年3月5日</p>`;
    const result = importIssueFromHtml(html, linkedomEnvironment());
    if (!result.ok) throw new Error(result.error.message);
    const [doc] = result.tree.sections.flatMap((s) => s.documents);
    expect(recognisedFields(doc.content).docNumber).toBe('某政办〔2024〕26号');
    expect(result.warnings.map((w) => w.code)).toContain('doc-number-from-page');
    const table = doc.content.blocks.find((b) => b.type === 'table') as TableElement;
    expect(table.children.map((r) => plainText(r.children[0]))).toEqual(['总指挥：', '副总指挥：', '成员：']);
  });
});

describe('a 部门令 page with its own <h1>', () => {
  it('drops the page heading that repeats the promulgated title, and reads the 令 under it', () => {
    const html = `<h1>某某管理办法</h1><div class="info">发布日期：2024-03-05\u3000来源：法规司</div>
      <p style="text-align:center">中华人民共和国某某部令</p><p style="text-align:center">第30号</p>
      <p>\u3000\u3000《某某管理办法》已经部务会议审议通过，现予公布，自2024年5月1日起施行。</p>
      <p style="text-align:right">部\u3000长\u3000\u3000张三丰</p><p style="text-align:right">2024年3月5日</p>
      <p style="text-align:center">某某管理办法</p><p>\u3000\u3000第一条\u3000为了规范某某管理，制定本办法。</p>`;
    const result = importIssueFromHtml(html, linkedomEnvironment());
    if (!result.ok) throw new Error(result.error.message);
    const [doc] = result.tree.sections.flatMap((s) => s.documents);
    expect(doc.content.blocks[0].type).toBe('doc-number');
    expect(recognisedFields(doc.content)).toMatchObject({ title: '某某管理办法', docNumber: '某某部令第30号', signature: ['部长张三丰'], date: '2024-03-05' });
    expect(result.warnings.filter((w) => w.code === 'unplaced-line')).toEqual([]);
  });
});

describe('版头 and closing forms of real 公文', () => {
  it('reads 密级, 紧急程度 and 份号 as 版头, never as the title', () => {
    expect(isMasthead('机密★1年')).toBe(true);
    expect(isMasthead('特急')).toBe(true);
    expect(isMasthead('秘密★6个月\u3000加急')).toBe(true);
    expect(isMasthead('000123')).toBe(true);
    expect(isMasthead('关于特急物资调运的通知')).toBe(false);
  });

  it('keeps a 上行文\'s 签发人 with the 版头 and finds the title under the 文号', () => {
    const [doc] = docs('机密★1年\n特急\n\n某某市人民政府文件\n\n某政〔2024〕12号\u3000\u3000\u3000签发人：王建国\n\n某某市人民政府\n关于申请资金的请示\n\n州人民政府：\n\u3000\u3000恳请给予资金支持。\n\u3000\u3000妥否，请批示。\n\n某某市人民政府\n2024-03-05\n');
    expect(recognisedFields(doc.content)).toMatchObject({ title: '某某市人民政府关于申请资金的请示', docNumber: '某政〔2024〕12号', addressee: '州人民政府：', signature: ['某某市人民政府'], date: '2024-03-05' });
    expect(doc.content.meta?.masthead).toEqual(['机密★1年', '特急', '某某市人民政府文件', '签发人：王建国']);
  });

  it('reads a whole-line 2024-03-05 as a date, a spaced-out 部\u3000长 as a post, a bare 〔2024〕5号 as a 纪要\'s number', () => {
    expect(parseDateLine('2024-03-05')).toBe('2024-03-05');
    expect(parseDateLine('2024.3.5')).toBe('2024-03-05');
    expect(parseDateLine('2024-13-05')).toBeUndefined();
    expect(isPersonSignature('部\u3000长\u3000\u3000黄润秋')).toBe(true);
    expect(matchDocNumber('〔2024〕5号')?.text).toBe('〔2024〕5号');
  });

  it('prints a numeric 成文日期 as 2024年3月5日, saying so', () => {
    const { content, warnings } = importDocumentFromText('某某市人民政府关于某事的请示\n\n州人民政府：\n\u3000\u3000妥否，请批示。\n\n某某市人民政府\n2024-03-05\n');
    expect(content.blocks.find((b) => b.type === 'date-line')?.children[0]).toMatchObject({ text: '2024年3月5日' });
    expect(warnings.find((w) => w.code === 'date-normalised')?.text).toBe('2024-03-05');
  });

  it('lets a 合计 row under an empty 序号 cell span that column, not extend the last numbered row', () => {
    const { content } = importDocumentFromText('测算表\n\n序号\t项目\t金额\n1\t主管网改造\t2600\n2\t换热站改造\t1200\n\t合计\t3800\n');
    const table = content.blocks.find((b) => b.type === 'table') as TableElement;
    const cells = table.children.map((r) => r.children.map((c) => [plainText(c), c.rowSpan ?? 1, c.colSpan ?? 1]));
    expect(cells[2][0]).toEqual(['2', 1, 1]);
    expect(cells[3]).toEqual([['合计', 1, 2], ['3800', 1, 1]]);
  });

  it('joins a 主送 cut after an organ, and never takes a sentence ending with 如下： for one', () => {
    const { content } = importDocumentFromText('某某市统计局关于商请协助的函\n\n某统函〔2024〕7号\n\n市市场监督管理局、市税务局、\n市民政局：\n\u3000\u3000商请贵单位协助提供单位名录。\n\n某某市统计局\n2024年3月5日\n');
    expect(recognisedFields(content).addressee).toBe('市市场监督管理局、市税务局、市民政局：');
    const minutes = importDocumentFromText('某某市人民政府\n常务会议纪要\n\n〔2024〕5号\n\n\u3000\u30003月4日，市长主持召开常务会议。纪要如下：\n\u3000\u3000一、关于城市更新工作\n');
    expect(recognisedFields(minutes.content)).toMatchObject({ addressee: '', docNumber: '〔2024〕5号', title: '某某市人民政府常务会议纪要' });
  });

  it('keeps a joint title of two organ lines and three title lines as one document', () => {
    const all = docs('某某州发展和改革委员会\n某某州财政局\n关于进一步做好\n城乡居民基本医疗保险缴费工作的\n意\u3000见\n\n某发改〔2024〕41号\n\n各县人民政府：\n\u3000\u3000现提出如下意见。\n\n某某州发展和改革委员会\u3000\u3000某某州财政局\n二〇二四年三月五日\n');
    expect(all).toHaveLength(1);
    expect(recognisedFields(all[0].content)).toMatchObject({ title: '某某州发展和改革委员会某某州财政局关于进一步做好城乡居民基本医疗保险缴费工作的意见', signature: ['某某州发展和改革委员会', '某某州财政局'], date: '2024-03-05' });
  });
});

/** A page imported as a file: its one document, the fields recognised in it, its text and the warnings. */
function onePageDocument(html: string) {
  const result = importIssueFromHtml(html, linkedomEnvironment());
  if (!result.ok) throw new Error(result.error.message);
  const all = result.tree.sections.flatMap((s) => s.documents);
  expect(all).toHaveLength(1);
  return { doc: all[0], fields: recognisedFields(all[0].content), text: contentPlainText(all[0].content), warnings: result.warnings };
}

describe('pages of other CMS shapes (structure, not the site\'s words)', () => {
  const page = (body: string) => onePageDocument(`<html><body>${body}</body></html>`);
  const notice = `<p>各乡镇人民政府，县政府各部门：</p><p>\u3000\u3000根据有关规定，现将第一季度政务服务情况通报如下，请各单位认真整改。</p>
    <p align="right">某某县人民政府办公室</p><p align="right">2024年4月10日</p>`;

  it('leaves out links that run script, whatever they say, and the brackets they leave', () => {
    const { fields, text } = page(`<p align="center">某某县人民政府办公室关于第一季度政务服务情况的通报</p>
      <div>【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a>】</div>${notice}
      <div>【<a href="javascript:window.print()">打印此页</a>】 【<a href="#" onclick="window.close()">关掉本窗</a>】 【<a href="javascript:scroll(0,0)">回到上面</a>】</div>`);
    expect(fields.signature).toEqual(['某某县人民政府办公室']);
    for (const w of ['字体', '打印此页', '关掉本窗', '回到上面', '【']) expect(text).not.toContain(w);
  });

  it('drops an information line of label：value fields under the title, so the 文号 and 主送 below it are found', () => {
    for (const meta of ['【发布单位：县政务服务中心】【发布时间：2024年4月12日】【点击：879】', '发文机关：某某县人民政府办公室\u3000发文字号：某政办〔2024〕22号\u3000成文日期：2024年04月10日']) {
      const { fields, text } = page(`<p align="center">某某县人民政府办公室关于第一季度政务服务情况的通报</p><p align="center">${meta}</p><p align="center">某政办〔2024〕22号</p>${notice}`);
      expect(fields.docNumber).toBe('某政办〔2024〕22号');
      expect(fields.addressee).toBe('各乡镇人民政府，县政府各部门：');
      expect(text).not.toContain('发布单位');
      expect(text).not.toContain('发文机关');
    }
  });

  it('takes the 文号 from such a line when the text has none', () => {
    const { fields, warnings } = page(`<p align="center">某某县人民政府办公室关于第一季度政务服务情况的通报</p><p>发文机关：某某县人民政府办公室\u3000发文字号：某政办〔2024〕22号</p>${notice}`);
    expect(fields.docNumber).toBe('某政办〔2024〕22号');
    expect(warnings.some((w) => w.code === 'doc-number-from-page')).toBe(true);
  });

  it('keeps a 公文\'s own labelled header lines (签发人, 密级) and a 联系人 line in the text', () => {
    expect(isPageMetaLine('发布单位：县政务服务中心　点击：879')).toBe(true);
    expect(isPageMetaLine('签发人：王某某　　密级：秘密')).toBe(false);
    expect(isPageMetaLine('联系人：马某某，联系电话：0971-8480000。')).toBe(false);
    expect(isPageMetaLine('各乡镇人民政府：')).toBe(false);
    expect(isPageMetaLine('时间：2024年5月10日　　地点：市政府302会议室')).toBe(false);
  });

  it('drops a bar of short menu names above the text, the download list, the 解读 link and the 主办/承办 line below it', () => {
    const { fields, text } = page(`<div>无障碍浏览 | 长者模式 | English | 登录</div>
      <h1>某某县人民政府办公室关于第一季度政务服务情况的通报</h1><p>各乡镇人民政府，县政府各部门：</p>
      <p>\u3000\u3000根据有关规定，现将第一季度政务服务情况通报如下，请各单位认真整改。</p><p>\u3000\u3000附件：1.第一季度统计表</p><p>\u3000\u3000\u3000\u3000\u30002.差评整改清单</p>
      <p align="right">某某县人民政府办公室</p><p align="right">2024年4月10日</p>
      <p>附件：</p><ul><li><a href="/u/1.xlsx">1.第一季度统计表.xlsx</a></li><li><a href="/u/2.pdf">2.差评整改清单.pdf</a></li></ul>
      <p>政策解读：<a href="/jd.html">《关于第一季度政务服务情况的通报》解读</a></p>
      <div>某某县人民政府 主办\u3000某某县政务服务中心 承办</div>`);
    expect(fields.attachments).toBe(0);
    expect(text).toContain('差评整改清单');
    for (const w of ['无障碍', 'English', '.xlsx', '.pdf', '解读', '主办', '承办']) expect(text).not.toContain(w);
  });
});

describe('附件说明 items printed as links to their files', () => {
  it('are the document\'s above its date (only a download list below the date is the page\'s)', () => {
    const { fields, text } = onePageDocument(`<html><body><p align="center">某某县人民政府办公室关于报送2024年项目清单的通知</p><p>各乡镇人民政府，县政府各部门：</p>
      <p>\u3000\u3000请各单位按附件格式填报项目清单，于5月底前报送县发展和改革局。</p>
      <p>\u3000\u3000附件：<a href="/u/qd.xlsx">1.2024年项目清单.xlsx</a></p><p>\u3000\u3000\u3000\u3000\u3000<a href="/u/sm.docx">2.填报说明.docx</a></p>
      <p align="right">某某县人民政府办公室</p><p align="right">2024年5月6日</p><p>【打印本页】【关闭窗口】</p></body></html>`);
    expect(fields.signature).toEqual(['某某县人民政府办公室']);
    expect(fields.date).toBe('2024-05-06');
    expect(text).toContain('填报说明');
    expect(text).not.toContain('打印本页');
  });

  it('are kept when the link runs script to fetch the file (only short controls are the page\'s)', () => {
    const { fields, text } = onePageDocument(`<html><body><p align="center">某某县人民政府办公室关于报送2024年项目清单的通知</p><p>各乡镇人民政府，县政府各部门：</p>
      <p>\u3000\u3000请各单位按附件格式填报项目清单，于5月底前报送县发展和改革局。</p>
      <p>\u3000\u3000附件：<a href="#" onclick="down('qd')">1.2024年项目清单</a></p><p>\u3000\u3000\u3000\u3000\u3000<a href="javascript:down('sm')">2.填报说明</a></p>
      <p align="right">某某县人民政府办公室</p><p align="right">2024年5月6日</p><p><a href="javascript:window.print()">【打印本页】</a></p></body></html>`);
    expect(fields.date).toBe('2024-05-06');
    expect(text).toContain('2024年项目清单');
    expect(text).toContain('填报说明');
    expect(text).not.toContain('打印本页');
  });
});

describe('a page copied as text and pasted into a document', () => {
  it('loses the page\'s breadcrumb, info line and tools as a file import does, saying so', () => {
    const text = ['首页 > 政务公开 > 通知公告', '某某市人民政府办公室关于做好春季防火工作的通知', '发布时间：2024-03-05　来源：市政府办公室　浏览次数：532', '各乡镇人民政府，市政府各部门：', '\u3000\u3000当前已进入春季防火关键期，现将有关事项通知如下。', '某某市人民政府办公室', '2024年3月5日', '【打印本页】　【关闭窗口】', '上一篇：关于某事的通知'].join('\n');
    const { content, warnings } = importDocumentFromText(text);
    const all = contentPlainText(content);
    for (const w of ['首页', '发布时间', '浏览次数', '打印本页', '上一篇']) expect(all).not.toContain(w);
    expect(recognisedFields(content).title).toBe('某某市人民政府办公室关于做好春季防火工作的通知');
    expect(warnings.filter((w) => w.code === 'page-chrome-dropped').length).toBeGreaterThan(0);
  });
});

describe('where a page keeps its title', () => {
  const body = `<p style="text-align:center">某政办〔2024〕37号</p><p>各乡镇人民政府，县政府各部门：</p>
    <p>\u3000\u3000为做好汛期地质灾害防治工作，现就有关事项通知如下，请认真贯彻落实。</p><p style="text-align:right">某某县人民政府办公室</p><p style="text-align:right">2024年5月27日</p>`;
  const imported = onePageDocument;

  it('reads the <h1> in an <article>\'s own <header> (the site\'s <header> stays out)', () => {
    const { fields, doc } = imported(`<html><body><header><nav><a href="/">首页</a><a href="/zwgk">政务公开</a></nav><div>某某县人民政府</div></header>
      <article><header><h1>某某县人民政府办公室关于做好汛期地质灾害防治工作的通知</h1><div><span>发布时间：2024-05-28</span> <span>信息来源：县自然资源局</span></div></header>${body}
      <footer><button onclick="window.print()">打印</button></footer></article></body></html>`);
    expect(fields.title).toBe('某某县人民政府办公室关于做好汛期地质灾害防治工作的通知');
    expect(fields.docNumber).toBe('某政办〔2024〕37号');
    expect(contentPlainText(doc.content)).not.toMatch(/首页|政务公开|发布时间|信息来源/);
  });

  it('takes the title from the page\'s head when the body prints none (written by script), saying so', () => {
    const { fields, doc, warnings } = imported(`<html><head><title>某某县人民政府办公室关于做好汛期地质灾害防治工作的通知_通知公告_某某县人民政府</title></head>
      <body><div class="tit"><script>document.write(t)</script></div>${body}</body></html>`);
    expect(fields.title).toBe('某某县人民政府办公室关于做好汛期地质灾害防治工作的通知');
    expect(doc.title).toBe(fields.title);
    expect(doc.docNumber).toBe('某政办〔2024〕37号');
    expect(warnings.map((w) => w.code)).toContain('title-from-page-head');
    expect(warnings.map((w) => w.code)).not.toContain('title-not-found');
  });
});
