/**
 * Discussions: categories, topics and their threaded posts (a reply answers the topic or any
 * reply), solutions and « merci ». Posts are stored as typed Markdown plus the HTML of the one
 * content pipeline ({@code fr.mare.markdown}), rendered once at save.
 * <p>
 * Authors are account ids; names come from {@code AccountService.summaries}. Nothing here reads
 * the account entity, and nothing here knows Faces: pages live in {@code forum.web}.
 */
package fr.mare.forum;
