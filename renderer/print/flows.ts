/**
 * A unit is laid out as a series of Paged.js flows, one per run of regions that share pages: a region
 * that starts on a new page (an attachment) starts a new flow. Paged.js 0.4.3 lost content when one flow
 * went from a two-column page to a forced page break followed by a long table; separate flows avoid
 * that and need no forced breaks at all. Articles continued in a later flow are marked
 * `data-continued` so the page map takes a document's first page from its first flow.
 */
export function regionFlows(content: ParentNode): DocumentFragment[] {
  const flows: DocumentFragment[] = [];
  let current: { fragment: DocumentFragment; section: Element; articles: Map<Element, Element> } | null = null;
  for (const section of Array.from(content.querySelectorAll('.gz-unit'))) {
    for (const article of Array.from(section.querySelectorAll(':scope > .gz-doc'))) {
      Array.from(article.querySelectorAll(':scope > .gz-region')).forEach((region, index) => {
        if (!current || region.classList.contains('gz-region--newpage')) {
          const fragment = document.createDocumentFragment();
          const sectionClone = section.cloneNode(false) as Element;
          fragment.appendChild(sectionClone);
          current = { fragment, section: sectionClone, articles: new Map() };
          flows.push(fragment);
        }
        let articleClone = current.articles.get(article);
        if (!articleClone) {
          articleClone = article.cloneNode(false) as Element;
          if (index > 0) articleClone.setAttribute('data-continued', '');
          current.section.appendChild(articleClone);
          current.articles.set(article, articleClone);
        }
        region.classList.remove('gz-region--newpage');
        articleClone.appendChild(region);
      });
    }
  }
  return flows;
}
