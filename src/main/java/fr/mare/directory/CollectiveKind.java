package fr.mare.directory;

/** What a collective is; the labels are {@code directory.kind.*}. */
public enum CollectiveKind {
    ASSOCIATION, COLLECTIF, COOPERATIVE, AUTRE
}
