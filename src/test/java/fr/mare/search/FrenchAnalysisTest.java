package fr.mare.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class FrenchAnalysisTest {

    private final Analyzer index = FrenchAnalysis.indexAnalyzer();

    private List<String> terms(String text) {
        return FrenchAnalysis.terms(index, text);
    }

    @Test
    void elisionsWithBothApostrophesAreRemoved() {
        assertEquals(terms("agenda"), terms("l'agenda"));
        assertEquals(terms("agenda"), terms("l’agenda"));
        assertEquals(terms("application"), terms("d'application"));
        assertEquals(terms("installe"), terms("qu’installe"));
        assertEquals(terms("ici"), terms("jusqu'ici"));
        assertEquals(terms("il arrive"), terms("lorsqu’il arrive"));
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        assertEquals(terms("télécharger le fichier"), terms("TELECHARGER le fichier"));
        assertEquals(terms("dépôt"), terms("depot"));
        assertEquals(terms("mot de passe oublié"), terms("mot de passe oublie"));
    }

    @Test
    void inflectedFormsShareAStem() {
        assertEquals(terms("partage"), terms("partages"));
        assertEquals(terms("fichier"), terms("fichiers"));
        assertEquals(terms("synchronisation"), terms("synchronisations"));
        assertEquals(terms("partagé"), terms("partagée"));
    }

    @Test
    void inclusiveWritingIsFoldedToTheBaseWord() {
        assertEquals(terms("utilisateur"), terms("utilisateur·ices"));
        assertEquals(terms("membre"), terms("membre·s"));
        assertEquals(terms("membre"), terms("membre.s"));
        assertEquals(terms("adhérent"), terms("adhérent-e-s"));
        assertEquals(terms("adhérent"), terms("adhérent·es"));
        assertEquals(terms("bénévole"), terms("bénévole·s"));
        // Ordinary hyphens and dots stay words of their own.
        assertEquals(List.of("peut", "etre"), FrenchAnalysis.terms(FrenchAnalysis.wordAnalyzer(), "peut-être"));
        assertEquals("version 3.x", FrenchAnalysis.foldInclusive("version 3.x"));
    }

    @Test
    void stopWordsAreDropped() {
        assertEquals(terms("agenda"), terms("le de la agenda"));
    }

    @Test
    void synonymsExpandAtQueryTimeOnly() throws Exception {
        var synonyms = FrenchAnalysis.parseSynonyms(new StringReader("agenda, calendrier\n2fa, double authentification\n"));
        Analyzer query = FrenchAnalysis.queryAnalyzer(synonyms);
        List<String> expanded = FrenchAnalysis.terms(query, "agenda");
        assertTrue(expanded.containsAll(terms("calendrier")), expanded.toString());
        assertTrue(expanded.containsAll(terms("agenda")), expanded.toString());
        List<String> twoFactor = FrenchAnalysis.terms(query, "2FA");
        assertTrue(twoFactor.containsAll(terms("authentification")), twoFactor.toString());
        assertEquals(terms("agenda"), FrenchAnalysis.terms(index, "agenda"));
    }

    @Test
    void theShippedSynonymFileParses() throws Exception {
        try (var in = getClass().getResourceAsStream("/fr/mare/search/synonymes.txt")) {
            var map = FrenchAnalysis.parseSynonyms(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(map.fst != null);
        }
    }
}
