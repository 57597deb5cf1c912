package fr.mare.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Comment partager un dossier avec quelqu’un ?  | comment-partager-un-dossier-avec-quelqu-un
            Œuvre à l'été                                  | oeuvre-a-l-ete
            L’Association des Amis d’Ærø                   | l-association-des-amis-d-aero
            Straße & Größe                                 | strasse-grosse
            Noël, Ça & Où ?                                | noel-ca-ou
            --Déjà   vu--                                  | deja-vu
            Nextcloud 28 : la mise à jour                  | nextcloud-28-la-mise-a-jour
            ﬁchiers ＰＤＦ ²                               | fichiers-pdf-2
            """)
    void readableAsciiSlugs(String title, String slug) {
        assertEquals(slug, Slugs.slugify(title));
    }

    @Test
    void emptyOrSymbolOnlyTitlesAreUntitled() {
        assertEquals("sans-titre", Slugs.slugify(""));
        assertEquals("sans-titre", Slugs.slugify("  ?! — … "));
        assertEquals("sans-titre", Slugs.slugify("Привет"));
        assertEquals("sans-titre", Slugs.slugify(null));
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String title = "Comment configurer la synchronisation des agendas partagés entre plusieurs "
                + "associations voisines sans perdre les rendez-vous";
        String slug = Slugs.slugify(title);
        assertEquals("comment-configurer-la-synchronisation-des-agendas-partages-entre-plusieurs", slug);
        assertTrue(slug.length() <= Slugs.MAX_LENGTH);
    }

    @Test
    void aSingleLongWordIsCutHard() {
        assertEquals("a".repeat(80), Slugs.slugify("a".repeat(200)));
    }

    @Test
    void aWordEndingExactlyAtTheLimitIsKept() {
        String eighty = "b".repeat(39) + "-" + "c".repeat(40);
        assertEquals(eighty, Slugs.slugify(eighty + " suite"));
    }

    @Test
    void slugsAreStable() {
        String slug = Slugs.slugify("Œuvre à l'été");
        assertEquals(slug, Slugs.slugify(slug));
    }
}
