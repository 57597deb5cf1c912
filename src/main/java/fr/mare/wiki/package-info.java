/**
 * Tutorials: a Markdown wiki of how-tos. A {@link fr.mare.wiki.WikiPage} holds its address,
 * title, section (a forum category), level, audience, Nextcloud versions and moderation state;
 * each save of its text is a {@link fr.mare.wiki.WikiRevision} (never changed, never deleted:
 * a revert is a new revision). The HTML of a revision comes from the one content pipeline
 * ({@code fr.mare.markdown}), rendered once at save, with its table of contents.
 * <p>
 * Writes go through {@link fr.mare.wiki.WikiService}, checked by {@link fr.mare.wiki.WikiPolicy}
 * against the {@code Caller}. Sections are read through {@code ForumService}; authors are account
 * ids whose names come from {@code AccountService.summaries}. Nothing here knows Faces: pages
 * live in {@code wiki.web}.
 */
package fr.mare.wiki;
