/**
 * Downloads of exported files in the browser bridge: main writes them into exports/ beside the library
 * (the page never names a path) and hands back an id; the bytes come through the contract and become a
 * blob: link the user clicks (or that is clicked for them).
 */
import { api } from './api';

export interface DownloadLink {
  href: string;
  fileName: string;
}

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A blob: URL for an exported file (revoke it with URL.revokeObjectURL when the link goes away). */
export async function downloadLink(exportId: string): Promise<DownloadLink> {
  const file = await api.downloadExport(exportId);
  return { href: URL.createObjectURL(new Blob([base64Bytes(file.dataBase64)], { type: file.mime })), fileName: file.fileName };
}

/** Start the browser's download of an exported file at once. */
export async function downloadNow(exportId: string): Promise<string> {
  const link = await downloadLink(exportId);
  const a = document.createElement('a');
  a.href = link.href;
  a.download = link.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return link.fileName;
}
