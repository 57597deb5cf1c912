package fr.mare.platform;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaCheckTest {

    @Test
    void followsCreateDropAndRenameInOrder() {
        SchemaCheck.Expected expected = SchemaCheck.expectedFrom(List.of(
                "-- CREATE TABLE commented_out (id INT);\nCREATE TABLE account (id INT);\n/* CREATE TABLE nor_this */\n"
                        + "CREATE TABLE IF NOT EXISTS `forum_topic` (id INT);\nCREATE TABLE old_name (id INT);",
                "DROP TABLE IF EXISTS forum_topic;\nRENAME TABLE old_name TO new_name;\n"
                        + "CREATE TRIGGER t_no_update BEFORE UPDATE ON account FOR EACH ROW SIGNAL SQLSTATE '45000';\n"
                        + "create trigger T_No_Delete BEFORE DELETE ON account FOR EACH ROW SIGNAL SQLSTATE '45000';\n"
                        + "DROP TRIGGER t_no_update;"));
        assertEquals(Set.of("account", "new_name"), expected.tables());
        assertEquals(Set.of("t_no_delete"), expected.triggers());
    }

    @Test
    void theShippedMigrationsExpectTheJournalTriggers() throws Exception {
        List<String> scripts = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("sql"))) {
            for (var file : files.sorted().toList()) {
                scripts.add(java.nio.file.Files.readString(file));
            }
        }
        SchemaCheck.Expected expected = SchemaCheck.expectedFrom(scripts);
        assertTrue(expected.tables().containsAll(Set.of("account", "forum_post", "wiki_page", "moderation_action", "rate_limit_hit")),
                expected.tables().toString());
        assertTrue(expected.triggers().containsAll(Set.of("moderation_action_no_update", "moderation_action_no_delete")),
                expected.triggers().toString());
    }
}
