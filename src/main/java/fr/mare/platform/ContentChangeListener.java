package fr.mare.platform;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The default entity listener of every entity (META-INF/orm.xml): each insert, update or delete
 * of an entity marks its JTA transaction, and that transaction's commit changes the
 * {@link ContentVersion}. (Mare's few bulk statements run beside an entity change of the same
 * transaction, or touch no page a visitor sees: rate-limit rows, notifications read.)
 * After the commit, not before: a reader that would start between the statement and the commit
 * would otherwise keep the old content under the new version. A transaction rolled back changes
 * nothing.
 */
public class ContentChangeListener {

    private static final Object MARK = ContentChangeListener.class;
    private static final Synchronization AFTER_COMMIT = new Synchronization() {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                ContentVersion.changed();
            }
        }
    };

    private static volatile TransactionSynchronizationRegistry registry;

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Object entity) {
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions == null || transactions.getTransactionKey() == null) {
            ContentVersion.changed();
            return;
        }
        if (transactions.getResource(MARK) == null) {
            transactions.putResource(MARK, Boolean.TRUE);
            transactions.registerInterposedSynchronization(AFTER_COMMIT);
        }
    }

    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry found = registry;
        if (found == null) {
            try {
                found = (TransactionSynchronizationRegistry) new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
                registry = found;
            } catch (NamingException e) {
                return null;
            }
        }
        return found;
    }
}
