package fr.mare.wiki;

/** Who a tutorial is for: any member of an association's space, or its administrators. */
public enum WikiAudience {
    MEMBRE, ADMIN
}
