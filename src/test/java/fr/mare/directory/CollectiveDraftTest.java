package fr.mare.directory;

import fr.mare.platform.BusinessException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CollectiveDraftTest {

    private static CollectiveDraft draft(String name, String slug, String kind, String region, String website) {
        return new CollectiveDraft(name, slug, "Une présentation.", kind, region, "11-50", website, Set.of("talk"),
                Map.of("sauvegardes", new CollectiveDraft.Expertise(Direction.CAN_HELP, "  la nuit  ")));
    }

    @Test
    void aValidDraftIsTrimmedAndGetsASlugFromItsName() {
        CollectiveDraft.Checked d = draft("  Les  Éclaireuses ", "", "ASSOCIATION", "2A", " ").check();
        assertEquals("Les Éclaireuses", d.name());
        assertEquals("les-eclaireuses", d.slug());
        assertEquals(CollectiveKind.ASSOCIATION, d.kind());
        assertNull(d.website());
        assertEquals("la nuit", d.expertise().get("sauvegardes").note());
    }

    @Test
    void brokenRulesNameTheirField() {
        assertEquals("name", field(draft("", null, "ASSOCIATION", "35", null)));
        assertEquals("slug", field(draft("Un nom", "Pas Valide", "ASSOCIATION", "35", null)));
        assertEquals("slug", field(draft("Un nom", "nouveau", "ASSOCIATION", "35", null)));
        assertEquals("kind", field(draft("Un nom", null, "CLUB", "35", null)));
        assertEquals("region", field(draft("Un nom", null, "ASSOCIATION", "99", null)));
        assertEquals("website", field(draft("Un nom", null, "ASSOCIATION", "QC", "javascript:alert(1)")));
        assertEquals("https://ex.org", draft("Un nom", null, "ASSOCIATION", "CH", "https://ex.org").check().website());
    }

    @Test
    void regionsListDepartementsThenNeighbours() {
        assertEquals("35 — Ille-et-Vilaine", Regions.name("35"));
        assertEquals("Québec", Regions.name("QC"));
        assertEquals("AUTRE", Regions.codes().getLast());
    }

    private static String field(CollectiveDraft draft) {
        return assertThrows(BusinessException.class, draft::check).field();
    }
}
