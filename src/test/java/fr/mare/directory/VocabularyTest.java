package fr.mare.directory;

import fr.mare.account.Caller;
import fr.mare.platform.BusinessException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocabularyTest {

    private static ExpertiseArea area(long id, String slug, boolean retired) throws Exception {
        ExpertiseArea area = new ExpertiseArea(slug, slug, (int) id * 10);
        Field f = ExpertiseArea.class.getDeclaredField("id");
        f.setAccessible(true);
        f.set(area, id);
        if (retired) {
            area.retire(Instant.EPOCH);
        }
        return area;
    }

    @Test
    void aNameIsStrippedAndBetweenThreeAndOneHundredTwentyCharacters() {
        assertEquals("Talk et visio", Vocabulary.name("  Talk et visio "));
        BusinessException tooShort = assertThrows(BusinessException.class, () -> Vocabulary.name(" ab "));
        assertEquals("directory.area.nameLength", tooShort.messageKey());
        assertEquals("name", tooShort.field());
        assertThrows(BusinessException.class, () -> Vocabulary.name(null));
        assertThrows(BusinessException.class, () -> Vocabulary.name("x".repeat(121)));
        assertDoesNotThrow(() -> Vocabulary.name("x".repeat(120)));
    }

    @Test
    void aRetiredAreaIsOfferedOnlyToCollectivesThatAlreadyDeclareIt() throws Exception {
        ExpertiseArea inUse = area(1, "sauvegardes", false);
        ExpertiseArea retired = area(2, "fax", true);
        List<ExpertiseArea> all = List.of(inUse, retired);
        assertEquals(List.of(inUse), Vocabulary.offered(all, Set.of()), "a new collective cannot choose it");
        assertEquals(List.of(inUse), Vocabulary.offered(all, Set.of(1L)));
        assertEquals(List.of(inUse, retired), Vocabulary.offered(all, Set.of(2L)), "a collective declaring it keeps it");
        retired.restore();
        assertEquals(List.of(inUse, retired), Vocabulary.offered(all, Set.of()), "brought back, offered again");
    }

    @Test
    void onlyAdministratorsManageTheVocabulary() {
        DirectoryPolicy policy = new DirectoryPolicy();
        assertTrue(policy.canManageVocabulary(new Caller(8L, "admin", true, true)));
        assertFalse(policy.canManageVocabulary(new Caller(9L, "moderatrice", true, false)));
        assertFalse(policy.canManageVocabulary(Caller.ANONYMOUS));
        BusinessException refused = assertThrows(BusinessException.class, () -> policy.requireAdmin(new Caller(7L, "alix", false, false)));
        assertEquals("directory.area.adminOnly", refused.messageKey());
    }
}
