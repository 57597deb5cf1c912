/*
 * The header's menu (#14, WEB-INF/includes/layout/header.xhtml) and the directory's filters are
 * <details>: they open and close without this script, and on wide screens the CSS shows their
 * content. With it, a <details data-open-wide="(media query)"> is also open where the query
 * holds (so that browsers without ::details-content, and tools, see it open), and the menu
 * closes with Escape (the focus back on « Menu ») or with a click or a focus outside it.
 */
(function () {
    "use strict";
    var folds = document.querySelectorAll("details[data-open-wide]");
    Array.prototype.forEach.call(folds, function (details) {
        var wide = window.matchMedia(details.getAttribute("data-open-wide"));
        function follow() {
            details.open = wide.matches;
        }
        follow();
        wide.addEventListener("change", follow);
    });

    var menu = document.getElementById("site-menu");
    if (!menu) {
        return;
    }
    var toggle = menu.querySelector("summary");
    function folded() {
        return menu.open && toggle.offsetParent !== null;
    }
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && folded()) {
            menu.open = false;
            toggle.focus();
        }
    });
    function closeFrom(event) {
        if (folded() && !menu.contains(event.target)) {
            menu.open = false;
        }
    }
    document.addEventListener("click", closeFrom);
    document.addEventListener("focusin", closeFrom);
}());
