package fr.mare.platform;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** The database could not be reached: the person sees a calm 503 page with what they typed. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(Throwable cause) {
        super("Base de données indisponible", cause);
    }

    /**
     * Whether a failure comes from the database being unreachable (rather than from a bug).
     * JPA, EJB and the pool wrap the driver's exception in several layers, so the whole chain
     * is searched.
     */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException
                    // Mare's transactions have one resource, the database: a transaction manager
                    // that cannot end it means the database went away mid-transaction (seen when
                    // mariadbd aborted on a full disk, issue #17 R4).
                    || t instanceof jakarta.transaction.SystemException) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Error in allocating a connection") || message.contains("Could not connect to")
                    || message.contains("Connection refused") || message.contains("Socket fail to connect")) {
                return true;
            }
        }
        return false;
    }
}
