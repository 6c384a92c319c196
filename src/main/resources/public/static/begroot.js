// Begroot: an inline panel for a figure's explanation. Without JavaScript every figure link opens
// the explanation page; with it, the same page's fragment opens in a panel next to the table.
(function () {
  var panel = null;
  var opener = null;
  function close() {
    if (!panel || panel.hidden) return;
    panel.hidden = true;
    panel.innerHTML = '';
    if (opener) opener.focus();
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a.begroot-figure');
    if (event.target.closest && event.target.closest('.begroot-panel-close')) { close(); return; }
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (link.closest('.begroot-explanation-page')) return; // on the explanation page a part is a page of its own
    panel = document.getElementById('figuur-paneel');
    if (!panel) return;
    event.preventDefault();
    // a part link inside the panel opens the next level in place; focus still returns to the table
    if (!panel.contains(link)) opener = link;
    fetch(link.getAttribute('href') + '&paneel=1', { headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        panel.innerHTML = html;
        panel.hidden = false;
        var inner = panel.querySelector('.begroot-panel-inner');
        if (inner) inner.focus();
      })
      .catch(function () { window.location.href = link.getAttribute('href'); });
  });
  // After htmx replaced the main content (a saved form shows the saved proposal, or the form with
  // its messages), move the focus there, as a page load would, and show the new address.
  var swapped = null;
  document.addEventListener('htmx:beforeSwap', function (event) {
    if (event.detail.target && event.detail.target.id === 'inhoud') swapped = event.detail.xhr;
  });
  document.addEventListener('htmx:load', function (event) {
    var main = event.detail && event.detail.elt;
    if (!main || main.id !== 'inhoud' || !swapped) return;
    var xhr = swapped;
    swapped = null;
    var alert = main.querySelector('[role=alert]');
    (alert || main).focus();
    if (xhr.status < 300 && xhr.responseURL && xhr.responseURL !== window.location.href) {
      history.pushState({}, '', xhr.responseURL);
    }
    var title = xhr.responseText.match(/<title>([^<]*)<\/title>/);
    if (title) document.title = title[1].replace(/&amp;/g, '&');
  });
  // Every htmx request carries the session's CSRF token (from the page's meta tag) as X-CSRF-Token.
  document.addEventListener('htmx:configRequest', function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta && event.detail && event.detail.headers) event.detail.headers['X-CSRF-Token'] = meta.getAttribute('content');
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') close();
  });
  // A table wider than its place scrolls sideways: say so under it (the text comes from the page, in its language).
  function cues() {
    var text = document.body.getAttribute('data-scroll-cue');
    document.querySelectorAll('.begroot-table-wrap').forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      wrap.classList.toggle('begroot-scrolls', scrolls);
      var next = wrap.nextElementSibling;
      if (scrolls && text && !(next && next.classList.contains('begroot-scroll-cue'))) {
        var cue = document.createElement('p');
        cue.className = 'begroot-scroll-cue';
        cue.textContent = text;
        wrap.parentNode.insertBefore(cue, wrap.nextSibling);
      }
    });
  }
  document.addEventListener('DOMContentLoaded', cues);
  document.addEventListener('htmx:load', cues);
  window.addEventListener('resize', cues);
})();
