package fr.mare.demo;

import jakarta.persistence.EntityManager;

/**
 * Imports that two nodes starting on one database must not run at once (issue #17, ADR 0032):
 * the demo, the corpus. The caller's transaction locks the import's row of {@code import_lock}
 * before it looks whether the import is done; a second node waits there (up to 10 minutes) until
 * the first commits, then finds its accounts and imports nothing.
 */
final class ImportLock {

    private ImportLock() {
    }

    /** Waits for, then holds until the transaction ends, the lock of import {@code name}. */
    static void hold(EntityManager em, String name) {
        em.createNativeQuery("SET STATEMENT innodb_lock_wait_timeout = 600 FOR SELECT name FROM import_lock WHERE name = ? FOR UPDATE")
                .setParameter(1, name).getResultList();
    }
}
