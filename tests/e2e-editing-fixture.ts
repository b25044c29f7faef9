/** A document holding one block of every type, for the editing end-to-end tests. */
export type Block = { type: string; children: Array<Block | { text: string }>; [key: string]: unknown };
const t = (text: string) => [{ text }];
const cell = (text: string) => ({ type: 'table-cell', children: [{ type: 'paragraph', children: t(text) }] });

/** One block of every text type, a table and a page break (a void) before a paragraph. */
export const EVERY_BLOCK: Block[] = [
  { type: 'doc-title', children: t('关于测试光标位置的通知') },
  { type: 'doc-number', children: t('格政办〔2024〕1号') },
  { type: 'addressee', children: t('各乡（镇）人民政府：') },
  { type: 'paragraph', children: t('正文第一段。') },
  { type: 'heading', level: 1, children: t('一、总体要求') },
  { type: 'heading', level: 2, children: t('（一）指导思想') },
  { type: 'heading', level: 3, children: t('1.工作目标') },
  { type: 'heading', level: 4, children: t('（1）具体任务') },
  { type: 'table', headerRows: 1, children: [{ type: 'table-row', children: [cell('序号'), cell('名称')] }, { type: 'table-row', children: [cell('1'), cell('表格单元')] }] },
  { type: 'page-break', children: t('') },
  { type: 'paragraph', children: t('分页后的段落。') },
  { type: 'attachment-list', children: [{ type: 'attachment-item', number: '1.', children: t('第一个附件') }, { type: 'attachment-item', number: '2.', children: t('第二个附件') }] },
  { type: 'signature', children: t('格尔木市人民政府办公室') },
  { type: 'date-line', children: t('2024年7月31日') },
  { type: 'chronicle-entry', children: t('7月1日，召开会议。') },
  { type: 'checkbox', checked: false, children: t('同意') },
  { type: 'attachment-heading', children: t('附件1') },
  { type: 'paragraph', children: t('末段。') },
];

