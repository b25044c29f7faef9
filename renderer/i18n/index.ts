import { zhCN, type Messages } from './zh-CN';

/** The active language table. Another language is one more file of the same shape. */
export const t: Messages = zhCN;
