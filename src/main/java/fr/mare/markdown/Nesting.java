package fr.mare.markdown;

import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Bounds on the shape of the source and of the tree, because commonmark-java's costs follow the
 * shape, not only the size: its HTML renderer and extension visitors recurse once per tree level
 * (a few thousand nested quotes, lists or emphasis, easy to type within {@link
 * MarkdownRenderer#MAX_CHARS}, end in a {@link StackOverflowError}), and its block parser copies a
 * paragraph's lines for every line that might start a new block (quadratic in the paragraph's
 * length: 3 s for 50 000 short lines). Every pass here is iterative and linear, and changes only
 * input no person writes by hand.
 */
final class Nesting {

    private Nesting() {
    }

    /**
     * Line pass, before parsing. Keeps at most {@code maxMarkers} container markers ({@code >},
     * {@code -}/{@code +}/{@code *} and {@code 1.}/{@code 1)} followed by a space) at the start of
     * each line, dropping the extra ones and keeping the rest of the line, so the parser never
     * opens the deep containers. Inserts a blank line after {@code maxRunLines} consecutive
     * non-blank lines, so no paragraph is longer than that; inside a (very long) code block this
     * shows as one extra empty line.
     */
    static String boundLines(String text, int maxMarkers, int maxRunLines) {
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        int lineStart = 0;
        int run = 0;
        while (lineStart < n) {
            int lineEnd = lineStart;
            while (lineEnd < n && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            int next = lineEnd;
            if (next < n && text.charAt(next) == '\r') {
                next++;
            }
            if (next < n && text.charAt(next) == '\n' && (next == lineEnd || text.charAt(lineEnd) == '\r')) {
                next++;
            }
            if (isBlank(text, lineStart, lineEnd)) {
                run = 0;
            } else if (++run > maxRunLines) {
                if (out == null) {
                    out = new StringBuilder(n + n / maxRunLines + 16);
                }
                out.append(text, copied, lineStart).append('\n');
                copied = lineStart;
                run = 1;
            }
            int pos = lineStart;
            int count = 0;
            int keepUpTo = -1;
            while (true) {
                int p = pos;
                while (p < lineEnd && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                    p++;
                }
                int markerEnd = markerEnd(text, p, lineEnd);
                if (markerEnd < 0) {
                    break;
                }
                count++;
                if (count == maxMarkers) {
                    keepUpTo = markerEnd;
                }
                pos = markerEnd;
            }
            if (count > maxMarkers) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(text, copied, keepUpTo);
                copied = pos;
            }
            lineStart = next;
        }
        if (out == null) {
            return text;
        }
        out.append(text, copied, n);
        return out.toString();
    }

    private static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** End of a container marker starting at {@code p}, or -1 when there is none. */
    private static int markerEnd(String text, int p, int lineEnd) {
        if (p >= lineEnd) {
            return -1;
        }
        char c = text.charAt(p);
        if (c == '>') {
            return p + 1;
        }
        if (c == '-' || c == '+' || c == '*') {
            return followedBySpace(text, p + 1, lineEnd) ? p + 2 : -1;
        }
        int q = p;
        while (q < lineEnd && q - p < 9 && text.charAt(q) >= '0' && text.charAt(q) <= '9') {
            q++;
        }
        if (q > p && q < lineEnd && (text.charAt(q) == '.' || text.charAt(q) == ')')
                && followedBySpace(text, q + 1, lineEnd)) {
            return q + 2;
        }
        return -1;
    }

    private static boolean followedBySpace(String text, int i, int lineEnd) {
        return i < lineEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\t');
    }

    /**
     * Replaces every node deeper than {@code maxDepth} by its plain text (a paragraph if it was a
     * block), so the recursion depth of the extensions' post-processors and of the renderer is
     * bounded whatever nesting survived the line pass (lists nested by indentation, quotes inside
     * lists, emphasis inside links). Runs as the parser's first post-processor, before any
     * recursive visitor.
     */
    static void capTreeDepth(Node root, int maxDepth) {
        Node node = root.getFirstChild();
        int depth = 1;
        while (node != null) {
            if (node.getFirstChild() != null) {
                if (depth < maxDepth) {
                    node = node.getFirstChild();
                    depth++;
                    continue;
                }
                Node flat = flatten(node);
                node.insertAfter(flat);
                node.unlink();
                node = flat;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            if (node == root) {
                return;
            }
            node = node.getNext();
        }
    }

    private static Node flatten(Node node) {
        Text text = new Text(literalText(node));
        if (node instanceof Block) {
            Paragraph paragraph = new Paragraph();
            paragraph.appendChild(text);
            return paragraph;
        }
        return text;
    }

    /** The text a reader would see in {@code root}'s subtree, collected without recursion. */
    static String literalText(Node root) {
        StringBuilder sb = new StringBuilder();
        Node node = root.getFirstChild();
        while (node != null) {
            if (node instanceof Text t) {
                sb.append(t.getLiteral());
            } else if (node instanceof Code c) {
                sb.append(c.getLiteral());
            } else if (node instanceof HtmlInline h) {
                sb.append(h.getLiteral());
            } else if (node instanceof FencedCodeBlock f) {
                sb.append(f.getLiteral());
            } else if (node instanceof IndentedCodeBlock i) {
                sb.append(i.getLiteral());
            } else if (node instanceof HtmlBlock h) {
                sb.append(h.getLiteral());
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak
                    || (node instanceof Block && !sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ')) {
                sb.append(' ');
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
            }
            if (node == root) {
                break;
            }
            node = node.getNext();
        }
        return sb.toString().strip();
    }
}
