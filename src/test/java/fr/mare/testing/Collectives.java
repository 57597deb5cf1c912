package fr.mare.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Collectives made through their page, as a member would, for the tests that need one. */
public final class Collectives {

    private Collectives() {
    }

    /** Creates a collective administered by the member browsing with {@code admin}, listed in the directory; returns its slug. */
    public static String create(WebClient admin, String name) {
        WebClient.Page saved = admin.get("/voisins/nouveau").form("collective")
                .set("name", name).set("presentation", "Nous accueillons nos voisins.").set("kind", "ASSOCIATION")
                .set("region", "35").set("size", "11-50").set("visible", "on").submit();
        assertEquals(302, saved.status(), saved.mainText());
        return saved.location().substring(saved.location().lastIndexOf('/') + 1);
    }
}
