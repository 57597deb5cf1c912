/*
 * The error summary of a refused form (#14, layout.xhtml), or the confirmation a « Supprimer » or
 * « Revenir à cette version » asks for: focused, so that it is read and in view. Without
 * JavaScript, their autofocus attribute does the same in the browsers that honour it.
 */
(function () {
    "use strict";
    var target = document.getElementById("error-summary") || document.querySelector(".confirm-box");
    if (target && document.activeElement !== target) {
        target.focus();
    }
}());
