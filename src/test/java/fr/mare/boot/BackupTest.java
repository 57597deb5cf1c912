package fr.mare.boot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupTest {

    /** Excerpts of a real mariadb-dump 10.11 file of Mare (rows one a line, a trigger). */
    private static final String DUMP = """
            -- MariaDB dump 10.19  Distrib 10.11.5-MariaDB, for linux-systemd (x86_64)
            /*!40101 SET NAMES utf8mb4 */;
            DROP TABLE IF EXISTS `forum_post`;
            CREATE TABLE `forum_post` (
              `id` bigint(20) NOT NULL AUTO_INCREMENT,
              `body` text NOT NULL,
              PRIMARY KEY (`id`)
            ) ENGINE=InnoDB;

            INSERT INTO `forum_post` VALUES
            (1,'Bonjour ; tout le monde;'),
            (2,'une ligne\\nDEFINER=`x`@`y` reste du texte');
            DELIMITER ;;
            /*!50003 CREATE*/ /*!50017 DEFINER=``@``*/ /*!50003 TRIGGER moderation_action_no_update BEFORE UPDATE ON moderation_action FOR EACH ROW
            BEGIN
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'append-only';
            END */;;
            DELIMITER ;
            CREATE DEFINER=`mare`@`127.0.0.1` PROCEDURE `p`() SELECT 1;
            -- Dump completed on 2026-12-02  0:28:47
            """;

    private static List<String> statements(String dump) {
        List<String> out = new ArrayList<>();
        new Backup.DumpStatements(new BufferedReader(new StringReader(dump))).forEach(out::add);
        return out;
    }

    @Test
    void splitsAsTheClientWould() {
        List<String> sql = statements(DUMP);
        assertEquals(6, sql.size(), String.join("\n----\n", sql));
        assertEquals("/*!40101 SET NAMES utf8mb4 */", sql.get(0));
        assertTrue(sql.get(2).startsWith("CREATE TABLE `forum_post`") && sql.get(2).endsWith("ENGINE=InnoDB"));
        assertTrue(sql.get(3).contains("(1,'Bonjour ; tout le monde;'),\n(2,"), sql.get(3));
        assertTrue(sql.get(4).startsWith("/*!50003 CREATE*/") && sql.get(4).endsWith("END */"), sql.get(4));
        assertTrue(sql.get(4).contains("SIGNAL SQLSTATE '45000'"));
    }

    @Test
    void definersAreDroppedOutsideOfData() {
        List<String> sql = statements(DUMP);
        assertFalse(sql.get(4).contains("DEFINER"), sql.get(4));
        assertEquals("CREATE  PROCEDURE `p`() SELECT 1", sql.get(5));
        // A row's text is never touched.
        assertTrue(sql.get(3).contains("DEFINER=`x`@`y` reste du texte"));
    }

    @Test
    void flywayVersionIsTheLastAppliedOne(@TempDir Path dir) throws IOException {
        Path dump = dir.resolve("mare.sql");
        Files.writeString(dump, """
                INSERT INTO `flyway_schema_history` VALUES
                (1,'0001','account','SQL','V0001__account.sql',1472266891,'mare','2026-12-02 00:28:20',78,1),
                (2,'0012','forum','SQL','V0012__x.sql',843667980,'mare','2026-12-02 00:28:21',259,1);
                INSERT INTO `other` VALUES (3,'9999');
                """);
        assertEquals("0012", Backup.flywayVersion(dump).orElseThrow());
    }

    private static Path archive(Path dir, String sums, String dump) throws IOException {
        Path zip = dir.resolve("s.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(Backup.DUMP));
            out.write(dump.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry(Backup.SUMS));
            out.write(sums.getBytes(StandardCharsets.UTF_8));
        }
        return zip;
    }

    @Test
    void aMatchingManifestIsAccepted(@TempDir Path dir) throws IOException {
        Path zip = archive(dir, sha256("x\n") + "  mare.sql\n", "x\n");
        Path work = Files.createDirectory(dir.resolve("w"));
        Backup.verifyAndExtract(zip, work);
        assertEquals("x\n", Files.readString(work.resolve(Backup.DUMP)));
    }

    @Test
    void aChangedFileIsRefused(@TempDir Path dir) throws IOException {
        Path zip = archive(dir, sha256("x\n") + "  mare.sql\n", "y\n");
        Path work = Files.createDirectory(dir.resolve("w"));
        LaunchException e = assertThrows(LaunchException.class, () -> Backup.verifyAndExtract(zip, work));
        assertTrue(e.getMessage().contains("abîmée"), e.getMessage());
    }

    @Test
    void aMissingOrUnlistedFileIsRefused(@TempDir Path dir) throws IOException {
        Path zip = archive(dir, sha256("x\n") + "  mare.sql\n" + sha256("m") + "  medias/a.png\n", "x\n");
        Path work = Files.createDirectory(dir.resolve("w"));
        assertTrue(assertThrows(LaunchException.class, () -> Backup.verifyAndExtract(zip, work)).getMessage().contains("manque"));
        Files.delete(zip);
        Path other = archive(dir, sha256("z") + "  autre.sql\n", "x\n");
        assertThrows(LaunchException.class, () -> Backup.verifyAndExtract(other, work));
    }

    @Test
    void onlyAnEmptyOrAbsentFolderIsRestoredInto(@TempDir Path dir) throws IOException {
        assertTrue(Backup.isEmptyFolder(dir.resolve("absent")));
        assertTrue(Backup.isEmptyFolder(Files.createDirectory(dir.resolve("vide"))));
        Files.writeString(dir.resolve("vide").resolve("f"), "");
        assertFalse(Backup.isEmptyFolder(dir.resolve("vide")));
        LaunchException e = assertThrows(LaunchException.class, () -> Backup.restore(dir.resolve("vide").resolve("f"), dir.resolve("vide")));
        assertTrue(e.getMessage().contains("n'est pas vide"), e.getMessage());
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** #15: the uploaded images go into the archive, with their sums, and come back where uploads live. */
    @Test
    void imagesTravelInTheArchiveAndComeBack(@TempDir Path dir) throws IOException {
        Path medias = Files.createDirectories(dir.resolve("data").resolve("medias"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
        Files.write(medias.resolve("0123456789abcdef0123456789abcdef.png"), png);
        Files.write(medias.resolve("0123456789abcdef0123456789abcdef-1200.png"), new byte[] {4, 5});
        // An upload under way (ADR 0026): its partial file is not an image, and stays out.
        Files.write(medias.resolve(".envoi-123.part"), new byte[] {9});
        Path dump = Files.writeString(dir.resolve("dump.sql"), "-- Dump completed\n");
        Path zip = dir.resolve("sauvegarde.zip");
        Backup.writeArchive(zip, dump, medias, java.util.Map.of("format", "1"));

        Path work = Files.createDirectories(dir.resolve("work"));
        Backup.verifyAndExtract(zip, work);
        String sums;
        try (java.util.zip.ZipFile archive = new java.util.zip.ZipFile(zip.toFile())) {
            sums = new String(archive.getInputStream(archive.getEntry(Backup.SUMS)).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(sums.contains("  medias/0123456789abcdef0123456789abcdef.png\n"), sums);
        assertFalse(sums.contains(".envoi-"), sums);
        Path restored = dir.resolve("ailleurs").resolve("images");
        Backup.restoreMedias(work.resolve("medias"), restored);
        assertTrue(java.util.Arrays.equals(png, Files.readAllBytes(restored.resolve("0123456789abcdef0123456789abcdef.png"))));
        assertEquals(2, Files.readAllBytes(restored.resolve("0123456789abcdef0123456789abcdef-1200.png")).length);
    }
}
