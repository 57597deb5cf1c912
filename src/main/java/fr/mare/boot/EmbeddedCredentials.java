package fr.mare.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The two accounts of the embedded MariaDB and their random passwords (256 bits each, from
 * {@link SecureRandom}), kept in the data folder as a MariaDB option file readable by its owner
 * only, so that the server's own tools read it as is ({@code mariadb-dump --defaults-file=…}).
 * <ul>
 *   <li>{@code root} ({@code [client]}): the administrator, for the person running Mare
 *       (backups, repairs). Kept, not made unusable: whoever can read this file can read the
 *       data files next to it, so it protects nothing less, and a lost administrator would need
 *       a restart without grant tables.</li>
 *   <li>{@value EmbeddedDatabase#USER} ({@code [client-mare]}): the application, with the
 *       privileges of {@link EmbeddedDatabase#PRIVILEGES} on the {@value EmbeddedDatabase#DATABASE} schema
 *       only.</li>
 * </ul>
 * The accounts are set by an init file that mariadbd runs at start-up <em>before</em> it
 * accepts any connection, with the grant tables on; there is no moment when the server answers
 * without a password. The same statements serve a new folder and a folder made by an earlier
 * Mare (grant tables skipped, no password anywhere): they are idempotent. A missing or unreadable
 * credentials file makes Mare set new passwords at its next start.
 */
record EmbeddedCredentials(String rootPassword, String marePassword) {

    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{43,}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    EmbeddedCredentials {
        if (!PASSWORD.matcher(rootPassword).matches() || !PASSWORD.matcher(marePassword).matches()) {
            // Only such passwords are written into SQL and option files without quoting.
            throw new IllegalArgumentException("not a generated password");
        }
    }

    /** Passwords of 32 random bytes, base64url: nothing to quote in SQL or in an option file. */
    static EmbeddedCredentials generate() {
        return new EmbeddedCredentials(randomPassword(), randomPassword());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored credentials, or empty when the file is missing or does not hold both passwords. */
    static Optional<EmbeddedCredentials> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        String section = "";
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
            } else if (!line.isEmpty() && !line.startsWith("#") && line.contains("=")) {
                int equals = line.indexOf('=');
                values.put(section + "." + line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        String root = values.get("client.password");
        String mare = values.get("client-mare.password");
        if (root == null || mare == null || !PASSWORD.matcher(root).matches() || !PASSWORD.matcher(mare).matches()) {
            return Optional.empty();
        }
        return Optional.of(new EmbeddedCredentials(root, mare));
    }

    /**
     * Writes the option file (mode 600 from its creation, then moved into place) unless it
     * already says exactly this; the socket line follows the data folder if it was moved.
     */
    void write(Path file, Path socket) throws IOException {
        String content = optionFile(socket);
        if (Files.isRegularFile(file) && content.equals(readQuietly(file))) {
            ownerOnly(file);
            return;
        }
        writeOwnerOnly(file, content);
        ownerOnly(file);
    }

    /**
     * Writes {@code content} to {@code file}, readable by its owner only from its creation, and
     * moved into place in one step: a reader never sees half a file (also the launcher's kept keys).
     */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".nouveau");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, OWNER_ONLY);
        Files.writeString(temporary, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    String optionFile(Path socket) {
        return """
                # Identifiants de la base MariaDB intégrée de Mare, tirés au hasard à son premier démarrage.
                # Secret : lisible par vous seul (mode 600). Supprimé, Mare en tire de nouveaux au démarrage suivant.
                # Administration (docs/operations.md) :
                #   mariadb-base/bin/mariadb-dump --defaults-file=%1$s mare > sauvegarde.sql
                #   mariadb --defaults-file=%1$s                               (client du système, compte root)
                #   mariadb --defaults-file=%1$s --defaults-group-suffix=-mare mare   (compte de Mare)
                [client]
                user=root
                password=%2$s
                socket=%3$s

                [client-mare]
                user=%4$s
                password=%5$s
                """.formatted(EmbeddedDatabase.CREDENTIALS_FILE, rootPassword, socket, EmbeddedDatabase.USER, marePassword);
    }

    /** Written just before mariadbd starts with {@code --init-file}, deleted right after. */
    void writeInitFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, OWNER_ONLY);
        Files.write(file, initStatements(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * One statement a line (mariadbd's init-file reader ends a statement at a line ending in
     * {@code ;}). Idempotent, so that a folder whose credentials file was lost is simply given
     * new passwords.
     */
    List<String> initStatements() {
        String mare = "'" + EmbeddedDatabase.USER + "'@";
        List<String> sql = new ArrayList<>();
        sql.add("CREATE DATABASE IF NOT EXISTS `" + EmbeddedDatabase.DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci;");
        // mariadb-install-db leaves anonymous accounts (any name, no password) and gives every
        // account (PUBLIC) the test and test_% databases; root and mare exist only where we say.
        sql.add("DELETE FROM mysql.global_priv WHERE (User = '' AND Host <> '') OR (User IN ('root', '"
                + EmbeddedDatabase.USER + "') AND Host NOT IN ('localhost', '127.0.0.1'));");
        sql.add("DELETE FROM mysql.db WHERE User IN ('', 'PUBLIC');");
        sql.add("DELETE FROM mysql.tables_priv WHERE User IN ('', 'PUBLIC');");
        sql.add("DELETE FROM mysql.columns_priv WHERE User IN ('', 'PUBLIC');");
        sql.add("DELETE FROM mysql.procs_priv WHERE User IN ('', 'PUBLIC');");
        sql.add("DELETE FROM mysql.proxies_priv WHERE User = '';");
        sql.add("FLUSH PRIVILEGES;");
        for (String host : List.of("'localhost'", "'127.0.0.1'")) {
            // IDENTIFIED BY replaces the whole authentication: no unix_socket left beside it.
            sql.add("CREATE USER IF NOT EXISTS 'root'@" + host + ";");
            sql.add("ALTER USER 'root'@" + host + " IDENTIFIED BY '" + rootPassword + "' ACCOUNT UNLOCK;");
            sql.add("GRANT ALL PRIVILEGES ON *.* TO 'root'@" + host + " WITH GRANT OPTION;");
            sql.add("CREATE USER IF NOT EXISTS " + mare + host + ";");
            sql.add("ALTER USER " + mare + host + " IDENTIFIED BY '" + marePassword + "' ACCOUNT UNLOCK;");
            sql.add("REVOKE ALL PRIVILEGES, GRANT OPTION FROM " + mare + host + ";");
            sql.add("GRANT " + EmbeddedDatabase.PRIVILEGES + " ON `" + EmbeddedDatabase.DATABASE + "`.* TO " + mare + host + ";");
        }
        return sql;
    }

    private static void ownerOnly(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Never the passwords. */
    @Override
    public String toString() {
        return "EmbeddedCredentials[root, " + EmbeddedDatabase.USER + "]";
    }
}
