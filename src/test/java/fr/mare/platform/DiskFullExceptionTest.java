package fr.mare.platform;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiskFullExceptionTest {

    /** What MariaDB Connector/J throws, wrapped as JPA and the container wrap it. */
    private static RuntimeException wrapped(SQLException driver) {
        return new RuntimeException("jakarta.persistence.PersistenceException",
                new IllegalStateException("Internal Exception: " + driver.getMessage(), driver));
    }

    @Test
    void tableFullIsDiskFull() {
        assertTrue(DiskFullException.isCauseOf(wrapped(new SQLException("(conn=12) The table 'forum_post' is full", "HY000", 1114))));
    }

    @Test
    void diskFullAndErrno28AreDiskFull() {
        assertTrue(DiskFullException.isCauseOf(wrapped(new SQLException("Disk full (./mare/x.ibd); waiting for someone to free some space...", "HY000", 1021))));
        assertTrue(DiskFullException.isCauseOf(wrapped(new SQLException("Got error 28 \"No space left on device\" from storage engine InnoDB", "HY000", 1030))));
        assertTrue(DiskFullException.isCauseOf(wrapped(new SQLException("Error writing file './mare/ib_logfile0' (Errcode: 28 \"No space left on device\")", "HY000", 3))));
    }

    @Test
    void onlyTheMessageLeftStillCounts() {
        // The pool or EclipseLink sometimes keeps the text without the SQLException.
        assertTrue(DiskFullException.isCauseOf(new RuntimeException("Error Code: 1114 ... The table 'notification' is full")));
        assertTrue(DiskFullException.isCauseOf(new DiskFullException(null)));
    }

    @Test
    void otherErrorsAreNot() {
        assertFalse(DiskFullException.isCauseOf(wrapped(new SQLException("Deadlock found when trying to get lock", "40001", 1213))));
        assertFalse(DiskFullException.isCauseOf(wrapped(new SQLSyntaxErrorException("Table 'mare.x' doesn't exist", "42S02", 1146))));
        assertFalse(DiskFullException.isCauseOf(wrapped(new SQLException("Got error 168 from storage engine", "HY000", 1030))));
        assertFalse(DiskFullException.isCauseOf(new RuntimeException("the table of contents is full of links")));
        assertFalse(DiskFullException.isCauseOf(null));
    }
}
