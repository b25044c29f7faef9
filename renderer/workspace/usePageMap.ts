/**
 * Page numbers of the issue's documents: those stored by the last layout (an export or an earlier
 * session) until this session's issue layout reports its own, which are then stored.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PageMap } from '../../common/render/printJob';
import { hashString } from '../../common/render/html';
import { api } from '../api';

export function usePageMap(issueId: string) {
  const [pageMap, setPageMap] = useState<PageMap | null>(null);

  useEffect(() => {
    void api
      .getPageMap(issueId)
      .then((stored) => {
        if (!Object.keys(stored.pages).length) return;
        const map: PageMap = { documents: stored.pages, units: {}, anchors: {}, frontPages: 0, tocPages: 0, totalPages: stored.pageCount ?? 0 };
        setPageMap((current) => current ?? map);
      })
      .catch(() => undefined);
  }, [issueId]);

  const onPageMap = useCallback(
    (map: PageMap, pages: number) => {
      setPageMap(map);
      const key = hashString(JSON.stringify(map.documents));
      void api.setPageMap(issueId, pages, key, map.documents, map.compactTables).catch(() => undefined);
    },
    [issueId],
  );

  return { pageMap, onPageMap };
}
