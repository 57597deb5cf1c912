/**
 * Mare's one content pipeline for what users write in Markdown (forum posts, wiki tutorials):
 * size and nesting limits, commonmark with the GFM extensions Mare supports, a jsoup allowlist,
 * then link and image rewriting, ending in HTML that is safe to serve as is, plus the headings
 * and links a page needs (table of contents, "what links here"). It also owns {@link
 * fr.mare.markdown.Slugs}, so every address derived from a title is spelled the same way.
 * <p>
 * Every byte of user-written HTML that reaches a page must come out of {@link
 * fr.mare.markdown.MarkdownRenderer}: no other code may render Markdown or relax the allowlist.
 * The package imports no other Mare package and no Jakarta API (pure Java, commonmark, jsoup),
 * so every guarantee is unit-tested without a server. It never stores anything, never
 * performs I/O and never requests a URL it renders (remote images become plain links, so a
 * reader's browser never contacts a third party).
 */
package fr.mare.markdown;
