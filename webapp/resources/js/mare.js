/*
 * Mare's own script: progressive enhancement only, every flow works without it (#15).
 * Image uploads in Markdown forms (WEB-INF/includes/media/upload.xhtml):
 *  - the cursor position of the text area is sent with « Envoyer l'image » (field "caret"),
 *    so the server writes ![description](/medias/…) there instead of at the end;
 *  - a file dropped on the text area or the upload box, or an image pasted into the text area,
 *    is put into the form's file input; the description field then takes the focus (it is
 *    required, a polite status says so), and the image is sent at once if a description is
 *    already written; Enter in the description sends the image (never the whole form).
 */
(function () {
    "use strict";

    function setup(box) {
        var form = box.closest("form");
        if (!form) {
            return;
        }
        var fileInput = box.querySelector("input[type=file]");
        var altInput = box.querySelector("input[type=text]");
        var caret = box.querySelector("input.upload-caret");
        var button = box.querySelector("input[type=submit], button[type=submit]");
        // The text area the server writes into (textId of the include, "body" by default).
        var textId = box.getAttribute("data-upload") || "body";
        var text = null;
        var areas = form.querySelectorAll("textarea");
        for (var a = 0; a < areas.length && !text; a++) {
            if (areas[a].id === textId || areas[a].id.slice(-textId.length - 1) === ":" + textId) {
                text = areas[a];
            }
        }
        var status = box.querySelector(".upload-status");
        if (!fileInput || !altInput || !caret || !button || !text) {
            return;
        }
        var placed = false; // the person put the cursor somewhere: insert there
        ["click", "keyup", "select", "input", "focus"].forEach(function (type) {
            text.addEventListener(type, function () { placed = true; });
        });
        button.addEventListener("click", function () {
            caret.value = placed && typeof text.selectionStart === "number" ? String(text.selectionStart) : "";
        });
        // Enter in the description sends the image, not the whole form (which would publish it).
        altInput.addEventListener("keydown", function (event) {
            if (event.key === "Enter") {
                event.preventDefault();
                button.click();
            }
        });

        function take(files) {
            var image = null;
            for (var i = 0; i < files.length; i++) {
                if (/^image\//.test(files[i].type)) {
                    image = files[i];
                    break;
                }
            }
            if (!image || typeof DataTransfer === "undefined") {
                return false;
            }
            var transfer = new DataTransfer();
            transfer.items.add(image);
            fileInput.files = transfer.files;
            if (altInput.value.trim() !== "") {
                button.click();
            } else {
                if (status) {
                    status.textContent = (box.getAttribute("data-ready") || "").replace("[nom]", image.name || "");
                }
                altInput.focus();
            }
            return true;
        }

        [text, box].forEach(function (zone) {
            zone.addEventListener("dragover", function (event) {
                if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) {
                    event.preventDefault();
                    box.classList.add("upload-drop");
                }
            });
            zone.addEventListener("dragleave", function () { box.classList.remove("upload-drop"); });
            zone.addEventListener("drop", function (event) {
                box.classList.remove("upload-drop");
                if (event.dataTransfer && event.dataTransfer.files.length && take(event.dataTransfer.files)) {
                    event.preventDefault();
                }
            });
        });
        text.addEventListener("paste", function (event) {
            var data = event.clipboardData;
            if (data && data.files && data.files.length && take(data.files)) {
                event.preventDefault();
            }
        });
    }

    function start() {
        var boxes = document.querySelectorAll("fieldset[data-upload]");
        for (var i = 0; i < boxes.length; i++) {
            setup(boxes[i]);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
