import { useEffect, useState } from 'react';
import { useSelected, type RenderElementProps } from 'slate-react';
import { api } from '../../api';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';

const cache = new Map<string, string>();

/** An image stored as an asset in the library; shown from a data URL fetched through the contract. */
function Image({ attributes, children, element }: RenderElementProps) {
  const selected = useSelected();
  const assetId = element.type === 'image' ? element.assetId : '';
  const [src, setSrc] = useState(cache.get(assetId) ?? '');
  useEffect(() => {
    if (!assetId || cache.has(assetId)) return;
    let live = true;
    api
      .getAsset(assetId)
      .then((a) => {
        const url = `data:${a.mime};base64,${a.dataBase64}`;
        cache.set(assetId, url);
        if (live) setSrc(url);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [assetId]);
  return (
    <div {...attributes} className={`el-image${selected ? ' selected' : ''}`}>
      <div contentEditable={false}>
        {src ? <img src={src} alt={element.type === 'image' ? element.alt ?? '' : ''} /> : <div className="image-placeholder">{t.editor.imageAlt}</div>}
      </div>
      {children}
    </div>
  );
}

export const imagePlugin: ElementPlugin = {
  type: 'image',
  isVoid: true,
  render: (props) => <Image {...props} />,
};
