/*
 * The error summary of a refused form (#14, layout.xhtml): focused, so that it is read and in
 * view. Without JavaScript, its autofocus attribute does the same in the browsers that honour it.
 */
(function () {
    "use strict";
    var summary = document.getElementById("error-summary");
    if (summary && document.activeElement !== summary) {
        summary.focus();
    }
}());
