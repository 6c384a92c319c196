// Begroot: an inline panel for a figure's explanation. Without JavaScript every figure link opens
// the explanation page; with it, the same page's fragment opens in a panel next to the table.
(function () {
  var panel = null;
  var opener = null;
  function close() {
    if (!panel) return;
    panel.hidden = true;
    panel.innerHTML = '';
    if (opener) opener.focus();
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a.begroot-figure');
    if (event.target.closest && event.target.closest('.begroot-panel-close')) { close(); return; }
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    panel = document.getElementById('figuur-paneel');
    if (!panel) return;
    event.preventDefault();
    opener = link;
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
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') close();
  });
})();
