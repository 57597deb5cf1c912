package fr.mare.markdown;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.InlineParserFactory;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;

/**
 * commonmark-java 0.25.1's inline parser has costs that grow with the square of an inline
 * block's size, and one recursion as deep as its emphasis nesting; all fit easily in {@link
 * MarkdownRenderer#MAX_CHARS} (measured: 3 to 5 s, or a {@link StackOverflowError}, for 100 000
 * characters):
 * <ul>
 * <li>every {@code ]} that has an opener copies the whole text back to that opener, so thousands
 * of nested {@code [} cost the square of their count;</li>
 * <li>every {@code <} scans ahead for the end of the autolink or inline HTML it might start
 * ({@code >}, {@code -->}, {@code ?>}, {@code ]]>}), up to the end of the block when that end is
 * missing;</li>
 * <li>emphasis delimiters ({@code *}, {@code _}, {@code ~}) are matched by a search that is
 * quadratic in their number, and the text-merging pass recurses once per nesting level.</li>
 * </ul>
 * This wrapper bounds all three, per inline block (paragraph, heading, table cell), before the
 * standard parser runs: beyond {@link #MAX_OPENERS} link openers or {@link #MAX_DELIMITERS}
 * delimiter characters, further ones are plain text; a {@code <} whose terminator is more than
 * {@link #MAX_SCAN} characters away is plain text. No person writes a paragraph with hundreds of
 * links or emphasis marks, or a 2 000-character autolink, so real texts are unaffected.
 * <p>
 * "Plain text" is done with placeholder noncharacters swapped back right after parsing, not with
 * backslashes, so the character keeps its exact spelling even inside a code span. The user's own
 * noncharacters in that range are replaced beforehand ({@link #clean}), so a placeholder can only
 * be ours.
 * <p>
 * It wraps commonmark's own inline parser ({@code org.commonmark.internal}, the only way to keep
 * every extension's inline syntax). After a commonmark upgrade, the pathological tests say
 * whether the wrapper is still needed.
 */
final class BoundedInlineParser implements InlineParser {

    /** Most {@code [} per inline block that may open a link or image. */
    static final int MAX_OPENERS = 200;

    /** Most emphasis and strikethrough delimiter characters per inline block. */
    static final int MAX_DELIMITERS = 500;

    /** Farthest a {@code <} may be from its terminator and still start an autolink or inline HTML. */
    static final int MAX_SCAN = 2048;

    /** The characters that may be neutralised, and their placeholders: U+FDD0 onwards, same order. */
    private static final String SPECIAL = "[<*_~";
    private static final char FIRST_PLACEHOLDER = '\uFDD0';

    static final InlineParserFactory FACTORY = context -> new BoundedInlineParser(context);

    private final InlineParser delegate;

    private BoundedInlineParser(InlineParserContext context) {
        this.delegate = new InlineParserImpl(context);
    }

    /** Replaces the placeholder noncharacters by U+FFFD (noncharacters are not for interchange). */
    static String clean(String source) {
        StringBuilder sb = null;
        for (int i = 0; i < source.length(); i++) {
            if (isPlaceholder(source.charAt(i))) {
                if (sb == null) {
                    sb = new StringBuilder(source);
                }
                sb.setCharAt(i, '\uFFFD');
            }
        }
        return sb == null ? source : sb.toString();
    }

    private static boolean isPlaceholder(char c) {
        return c >= FIRST_PLACEHOLDER && c < FIRST_PLACEHOLDER + SPECIAL.length();
    }

    @Override
    public void parse(SourceLines lines, Node block) {
        String content = lines.getContent();
        char[] chars = neutralise(content);
        if (chars == null) {
            delegate.parse(lines, block);
            return;
        }
        // Same line lengths as before: only characters were swapped, so source spans still hold.
        List<SourceLine> bounded = new ArrayList<>(lines.getLines().size());
        int offset = 0;
        for (SourceLine line : lines.getLines()) {
            int length = line.getContent().length();
            bounded.add(SourceLine.of(new String(chars, offset, length), line.getSourceSpan()));
            offset += length + 1; // getContent() joins lines with '\n'
        }
        delegate.parse(SourceLines.of(bounded), block);
        restore(block);
    }

    /** The content with the costly characters swapped for placeholders, or null if there are none. */
    private static char[] neutralise(String content) {
        char[] chars = null;
        int openers = 0;
        int delimiters = 0;
        int backslashes = 0;
        int nextGt = -1;
        int nextCommentEnd = -1;
        int nextPiEnd = -1;
        int nextCdataEnd = -1;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            boolean escaped = backslashes % 2 == 1;
            backslashes = c == '\\' ? backslashes + 1 : 0;
            if (escaped) {
                continue;
            }
            boolean neutralise = false;
            if (c == '[') {
                neutralise = ++openers > MAX_OPENERS;
            } else if (c == '*' || c == '_' || c == '~') {
                neutralise = ++delimiters > MAX_DELIMITERS;
            } else if (c == '<') {
                int end;
                if (content.startsWith("<!--", i)) {
                    nextCommentEnd = next(content, "-->", i + 2, nextCommentEnd);
                    end = nextCommentEnd;
                } else if (content.startsWith("<?", i)) {
                    nextPiEnd = next(content, "?>", i + 2, nextPiEnd);
                    end = nextPiEnd;
                } else if (content.startsWith("<![CDATA[", i)) {
                    nextCdataEnd = next(content, "]]>", i + 9, nextCdataEnd);
                    end = nextCdataEnd;
                } else {
                    nextGt = next(content, ">", i + 1, nextGt);
                    end = nextGt;
                }
                neutralise = end - i > MAX_SCAN;
            }
            if (neutralise) {
                if (chars == null) {
                    chars = content.toCharArray();
                }
                chars[i] = (char) (FIRST_PLACEHOLDER + SPECIAL.indexOf(c));
            }
        }
        return chars;
    }

    /**
     * Position of {@code terminator} at or after {@code from}, reusing {@code known} while it is
     * still ahead, so each terminator kind is searched once over the block: linear overall.
     * {@link Integer#MAX_VALUE} when there is none.
     */
    private static int next(String content, String terminator, int from, int known) {
        if (known >= from) {
            return known;
        }
        int found = content.indexOf(terminator, from);
        return found < 0 ? Integer.MAX_VALUE : found;
    }

    /** Swaps the placeholders back in every string the parser produced under {@code block}. */
    private static void restore(Node block) {
        Node node = block.getFirstChild();
        while (node != null) {
            if (node instanceof Text t) {
                t.setLiteral(restore(t.getLiteral()));
            } else if (node instanceof Code c) {
                c.setLiteral(restore(c.getLiteral()));
            } else if (node instanceof HtmlInline h) {
                h.setLiteral(restore(h.getLiteral()));
            } else if (node instanceof Link l) {
                l.setDestination(restore(l.getDestination()));
                l.setTitle(restore(l.getTitle()));
            } else if (node instanceof Image im) {
                im.setDestination(restore(im.getDestination()));
                im.setTitle(restore(im.getTitle()));
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != block && node.getNext() == null) {
                node = node.getParent();
            }
            if (node == block) {
                return;
            }
            node = node.getNext();
        }
    }

    private static String restore(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isPlaceholder(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, SPECIAL.charAt(c - FIRST_PLACEHOLDER));
            }
        }
        return sb == null ? s : sb.toString();
    }
}
