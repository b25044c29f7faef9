/** Warning construction in one place so codes and messages stay consistent. */
import type { ImportWarning } from '../model';

export type WarningCode =
  | 'internal-error'
  | 'unplaced-line'
  | 'toc-entry-incomplete'
  | 'toc-entry-not-found'
  | 'document-not-in-toc'
  | 'title-not-found'
  | 'table-irregular'
  | 'table-sublabel-merged'
  | 'attachment-missing'
  | 'attachment-unlisted'
  | 'title-joined'
  | 'title-guessed'
  | 'doc-number-normalised'
  | 'masthead-kept'
  | 'colophon-kept'
  | 'decree-title'
  | 'decree-title-masthead'
  | 'signature-guessed'
  | 'table-aligned'
  | 'table-split'
  | 'text-repaired'
  | 'page-chrome-dropped'
  | 'date-normalised'
  | 'doc-number-from-page'
  | 'markup-dropped'
  | 'print-page-lines-dropped'
  | 'title-from-page-head'
  | 'title-from-file-name';

const MESSAGES: Record<WarningCode, string> = {
  'internal-error': '导入时出现内部错误，全文已按普通段落保留',
  'unplaced-line': '无法归类的行，已按普通段落保留',
  'toc-entry-incomplete': '目录条目没有文号和页码，已按标题处理',
  'toc-entry-not-found': '目录中的文件在正文中未找到，已保留标题和文号',
  'document-not-in-toc': '正文中的文件不在目录中，已归入前一文件的栏目',
  'title-not-found': '未识别出文件标题',
  'table-irregular': '表格各行单元格数不一致，已按推测合并单元格',
  'table-sublabel-merged': '表格部分行在序号前多出一列分项名称，已并入前一列',
  'attachment-missing': '附件说明列出的附件在正文中缺失',
  'attachment-unlisted': '正文中的附件未在附件说明中列出',
  'title-joined': '标题由多行合并而成（按文种词判断标题结束），请核对',
  'title-guessed': '标题结束位置不确定，只取了第一行，请核对',
  'doc-number-normalised': '文号括号已统一为六角括号〔〕',
  'masthead-kept': '版头（发文机关标志）已识别，作为文件信息保存，不排入正文',
  'colophon-kept': '版记（抄送、印发机关和日期）已识别，作为文件信息保存，不排入正文',
  'decree-title': '令没有自己的标题，已取其公布的法规标题作标题',
  'decree-title-masthead': '令未公布法规文本，已以其发文机关标志（令名）作标题',
  'signature-guessed': '日期前的短行已按署名处理，请核对',
  'table-aligned': '表格部分行缺少单元格（跨行合并被丢失），已按内容对齐到相应列，请核对',
  'table-split': '表格从此行起结构改变，已另作一表（或段落），未放在原表头下，请核对',
  'text-repaired': '文本编码有误（UTF-8 被重复编码），已自动修复，请核对',
  'page-chrome-dropped': '网页自身的导航、工具栏、信息表或页脚（不属于公文），未导入',
  'date-normalised': '成文日期已按公文格式写作“××××年×月×日”',
  'doc-number-from-page': '正文中没有文号，已取网页信息表中的文号，请核对',
  'title-from-file-name': '正文中没有标题，已以文件名作标题，请核对',
  'title-from-page-head': '正文中没有标题，已取网页标题栏（<title>）中的文件标题，请核对',
  'markup-dropped': '转换工具留下的标记（目录指令、分栏、分隔线、页内链接、元数据），不属于公文，未导入',
  'print-page-lines-dropped': '从印刷版（PDF）复制带来的页码和页眉（不属于公文），未导入，跨页断开的句子已接上',
};

/** Warnings quoting text the importer left out of the document (site chrome, converter markup): no block holds it. */
export const DROPPED_TEXT_WARNINGS: ReadonlySet<string> = new Set<WarningCode>(['page-chrome-dropped', 'markup-dropped', 'print-page-lines-dropped']);

export function warning(code: WarningCode, line?: number, text?: string, detail?: string): ImportWarning {
  const w: ImportWarning = { code, message: detail ? `${MESSAGES[code]}：${detail}` : MESSAGES[code] };
  if (line !== undefined) w.line = line;
  if (text !== undefined) w.text = text.length > 40 ? text.slice(0, 40) + '…' : text;
  return w;
}
