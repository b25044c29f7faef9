/*
 * Search within the web edition (gazette publish): finds a document by title, 文号 or words in its text.
 * The data is search-data.js (window.GAZETTE_SEARCH), loaded as a script so this works from file:// too.
 * Progressive enhancement: without script the form stays hidden and the TOC is the way in.
 */
(function () {
  'use strict';
  var entries = window.GAZETTE_SEARCH;
  var form = document.querySelector('[data-search]');
  if (!form || !entries || !entries.length) return;
  var input = form.querySelector('input');
  var status = form.querySelector('.search-status');
  var list = form.querySelector('.search-results');
  form.hidden = false;

  function squeeze(text) {
    return String(text).replace(/[\s\u3000]+/g, '').toLowerCase();
  }

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    return node;
  }

  /** A stretch of the text around the first hit, the hit marked. */
  function snippet(text, at, length) {
    var p = el('p');
    var from = Math.max(0, at - 24);
    var to = Math.min(text.length, at + length + 40);
    p.appendChild(document.createTextNode((from > 0 ? '…' : '') + text.slice(from, at)));
    p.appendChild(el('mark', text.slice(at, at + length)));
    p.appendChild(document.createTextNode(text.slice(at + length, to) + (to < text.length ? '…' : '')));
    return p;
  }

  function search(query) {
    var q = squeeze(query);
    list.textContent = '';
    if (!q) {
      status.textContent = '';
      return;
    }
    var hits = [];
    entries.forEach(function (entry) {
      var inTitle = squeeze(entry.title).indexOf(q) >= 0;
      var inNumber = squeeze(entry.docNumber).indexOf(q) >= 0;
      var at = entry.text.toLowerCase().indexOf(q);
      if (inTitle || inNumber || at >= 0) hits.push({ entry: entry, rank: inTitle || inNumber ? 0 : 1, at: at, count: countOf(entry.text.toLowerCase(), q) });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || b.count - a.count;
    });
    hits.forEach(function (hit) {
      var li = el('li');
      var a = el('a', hit.entry.title);
      a.href = hit.entry.href;
      li.appendChild(a);
      if (hit.entry.docNumber) li.appendChild(document.createTextNode('　' + hit.entry.docNumber));
      if (hit.at >= 0) li.appendChild(snippet(hit.entry.text, hit.at, q.length));
      list.appendChild(li);
    });
    status.textContent = hits.length ? '找到 ' + hits.length + ' 篇' : '没有找到“' + query.trim() + '”';
  }

  function countOf(text, q) {
    var n = 0;
    for (var i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + q.length)) n++;
    return n;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    search(input.value);
  });
  input.addEventListener('input', function () {
    search(input.value);
  });
})();
