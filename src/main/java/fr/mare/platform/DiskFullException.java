package fr.mare.platform;

import java.sql.SQLException;

/**
 * The database refused a write for lack of disk space (issue #17, R4): MariaDB's
 * {@code ER_RECORD_FILE_FULL} 1114 (« The table … is full »), {@code ER_DISK_FULL} 1021, or an
 * operating-system errno 28 (ENOSPC) reported through another error (1030 « Got error 28 from
 * storage engine », 3 « Error writing file … (errno: 28) »). Reads keep working; the person
 * gets « espace disque plein » with their text kept, and {@code /health} says DOWN for a while
 * ({@link DiskSpace}).
 */
public class DiskFullException extends RuntimeException {

    static final int ER_RECORD_FILE_FULL = 1114;
    static final int ER_DISK_FULL = 1021;
    static final int ER_GET_ERRNO = 1030;
    static final int EE_WRITE = 3;

    private static final java.util.regex.Pattern TABLE_FULL = java.util.regex.Pattern.compile("The table '[^']*' is full");

    public DiskFullException(Throwable cause) {
        super("Espace disque plein", cause);
    }

    /** Whether a failure, anywhere in its chain of causes, is the database's disk being full. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DiskFullException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (isDiskFull(e.getErrorCode(), e.getMessage())) {
                        return true;
                    }
                }
            } else if (isDiskFull(0, t.getMessage())) {
                // JPA and the pool often keep only the driver's message.
                return true;
            }
        }
        return false;
    }

    static boolean isDiskFull(int errorCode, String message) {
        String text = String.valueOf(message);
        if (errorCode == ER_RECORD_FILE_FULL || errorCode == ER_DISK_FULL) {
            return true;
        }
        boolean enospc = text.contains("errno: 28") || text.contains("Errcode: 28") || text.contains("No space left on device")
                || text.contains("Got error 28 ");
        if ((errorCode == ER_GET_ERRNO || errorCode == EE_WRITE) && enospc) {
            return true;
        }
        return enospc || TABLE_FULL.matcher(text).find() || text.contains("Disk full (");
    }
}
