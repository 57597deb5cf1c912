import fr.mare.boot.EmbeddedDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One MariaDB for the two-nodes drill (issue #17), from Mare's own embedded binaries, outside any
 * Mare: {@code java -cp target/mare.jar docs/ops/DrillDatabase.java <folder> <port>}. Writes
 * {@code <folder>/drill-db.env} (MARE_DB_URL, MARE_DB_USER, MARE_DB_PASSWORD; private file) once
 * the server answers, then runs until SIGTERM, which stops mariadbd.
 */
public class DrillDatabase {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]).toAbsolutePath();
        EmbeddedDatabase db = EmbeddedDatabase.start(folder, Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(db::close));
        Path env = folder.resolve("drill-db.env");
        Files.deleteIfExists(env);
        Files.createFile(env, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(env, "MARE_DB_URL=" + db.jdbcUrl() + "\nMARE_DB_USER=" + EmbeddedDatabase.USER
                + "\nMARE_DB_PASSWORD=" + db.password() + "\n");
        System.out.println("MariaDB prête sur le port " + db.port());
        Thread.sleep(Long.MAX_VALUE);
    }
}
