/* sphinxcontrib-matome: open the "show more" group that holds a linked post (>>12, #comment-12),
   and every group while printing. */
(function () {
  "use strict";
  function openTo(hash) {
    if (!hash || hash.length < 2) return;
    var target;
    try {
      target = document.getElementById(decodeURIComponent(hash.slice(1)));
    } catch (error) {
      return;
    }
    if (!target) return;
    var opened = false;
    for (var node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) {
        node.open = true;
        opened = true;
      }
    }
    if (opened) target.scrollIntoView();
  }
  window.addEventListener("hashchange", function () { openTo(window.location.hash); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { openTo(window.location.hash); });
  } else {
    openTo(window.location.hash);
  }
  var closed = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".matome-thread details:not([open])").forEach(function (group) {
      group.open = true;
      closed.push(group);
    });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (group) { group.open = false; });
    closed = [];
  });
})();
