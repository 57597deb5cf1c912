package fr.mare.account.web;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code drawn by Mare itself as inline SVG (ADR 0023: no outside service, nothing for
 * {@code img-src} to fetch): one path of unit squares, a quiet zone of four modules, black on
 * white whatever the theme, so that phone cameras read it.
 */
final class QrSvg {

    private static final int BORDER = 4;

    private QrSvg() {
    }

    /** {@code label} is the accessible name (escaped here); {@code text} is what the code holds. */
    static String of(String text, String label) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * BORDER;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" role=\"img\" aria-label=\"" + escape(label)
                + "\" viewBox=\"0 0 " + size + " " + size + "\" width=\"" + size * 5 + "\" height=\"" + size * 5
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
                + path + "\" fill=\"#000\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
