package fr.mare.markdown;

/**
 * HTML a feature stored with the {@link MarkdownRenderer#VERSION} that produced it (#16). Each
 * feature that stores rendered Markdown has one implementation, in its own package, so the
 * {@link Rerenderer} can bring old HTML up to the current pipeline without knowing the feature.
 */
public interface StoredHtml {

    /** A short name for the log (« messages du forum »). */
    String what();

    /**
     * Re-renders, in one transaction, at most {@code max} rows of an older version whose id is
     * above {@code afterId}, in id order, from their stored Markdown.
     *
     * @return the last id looked at (pass it back as {@code afterId}), or -1 when none is left
     */
    long rerender(long afterId, int max);
}
