package fr.mare.wiki;

import fr.mare.markdown.Heading;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WikiLinksTest {

    @Test
    void wikiLinksBecomeMarkdownLinks() {
        assertEquals("Voir [partager-un-dossier](/tutoriels/partager-un-dossier).",
                WikiLinks.expand("Voir [[partager-un-dossier]]."));
        assertEquals("Voir [ce tutoriel](/tutoriels/davx5-android) et [a](/tutoriels/a).",
                WikiLinks.expand("Voir [[davx5-android|ce tutoriel]] et [[a]]."));
    }

    /** #14: a link without a text shows the tutorial's title, its Markdown characters as plain text; unknown pages keep the slug. */
    @Test
    void linksWithoutTextShowTheTutorialsTitle() {
        java.util.Map<String, String> titles = java.util.Map.of("davx5-android", "Synchroniser l'agenda *sur Android* [DAVx⁵]");
        String expanded = WikiLinks.expand("Voir [[davx5-android]], [[davx5-android|ce tutoriel]] et [[inconnu]].", titles::get);
        assertEquals("Voir [Synchroniser l\\'agenda \\*sur Android\\* \\[DAVx⁵\\]](/tutoriels/davx5-android), "
                + "[ce tutoriel](/tutoriels/davx5-android) et [inconnu](/tutoriels/inconnu).", expanded);
        String html = new fr.mare.markdown.MarkdownRenderer().render(expanded, fr.mare.markdown.RenderOptions.forHost("mare.example")).html();
        assertTrue(html.contains(">Synchroniser l'agenda *sur Android* [DAVx⁵]</a>"), html);
        assertEquals(java.util.Set.of("davx5-android", "inconnu"), WikiLinks.untitled("[[davx5-android]] [[x|texte]] `[[y]]` [[inconnu]]")
                .stream().filter(s -> !s.equals("y")).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void codeIsLeftAlone() {
        String fenced = "```\n[[pas-un-lien]]\n```\n[[un-lien]]";
        assertEquals("```\n[[pas-un-lien]]\n```\n[un-lien](/tutoriels/un-lien)", WikiLinks.expand(fenced));
        assertEquals("`[[code]]` et [x](/tutoriels/x)", WikiLinks.expand("`[[code]]` et [[x]]"));
        assertEquals("    [[indente]]", WikiLinks.expand("    [[indente]]"));
    }

    @Test
    void invalidSlugsAreNotLinks() {
        assertEquals("[[Pas Un Slug]]", WikiLinks.expand("[[Pas Un Slug]]"));
        assertEquals("[[]]", WikiLinks.expand("[[]]"));
    }

    @Test
    void targetsAreTutorialPathsOnThisSite() {
        Set<String> targets = WikiLinks.targets(List.of(
                "/tutoriels/un", "https://mare.example/tutoriels/deux#h-etape", "https://ailleurs.example/tutoriels/trois",
                "/tutoriels/nouveau", "/tutoriels/quatre/historique", "/t/12/un-sujet", "//mare.example/tutoriels/cinq?x=1",
                "/tutoriels/un"), "mare.example");
        assertEquals(List.of("un", "deux", "cinq"), List.copyOf(targets));
    }

    @Test
    void tableOfContentsSurvivesStorage() {
        List<Heading> headings = List.of(new Heading(2, "Avant de commencer", "h-avant-de-commencer"),
                new Heading(3, "Un\ttitre\nbizarre", "h-un-titre-bizarre"));
        List<Heading> back = Toc.decode(Toc.encode(headings));
        assertEquals(2, back.size());
        assertEquals(headings.getFirst(), back.getFirst());
        assertEquals("Un titre bizarre", back.get(1).text());
        assertEquals(3, back.get(1).level());
        assertEquals(List.of(), Toc.decode(""));
    }

    @Test
    void levelsAreReadFromAddresses() {
        assertEquals(WikiLevel.INTERMEDIAIRE, WikiLevel.fromParam("intermediaire").orElseThrow());
        assertEquals(true, WikiLevel.fromParam("INTERMEDIAIRE").isEmpty());
        assertEquals(true, WikiLevel.fromParam(null).isEmpty());
    }

    @Test
    void aPageAppliesToItsVersions() {
        WikiPage page = new WikiPage("x", new WikiMetadata("Un titre assez long", 1L, WikiLevel.DEBUTANT, WikiAudience.MEMBRE, 28, 31),
                java.time.Instant.EPOCH);
        assertEquals(false, page.appliesTo(27));
        assertEquals(true, page.appliesTo(28));
        assertEquals(true, page.appliesTo(31));
        assertEquals(false, page.appliesTo(32));
    }
}
