package fr.mare.platform;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Two warnings of Payara's JTA layer that say nothing wrong, dropped from the log: « No
 * ComponentInvocation present for @Transactional annotation processing » (AS-JTA-00003) and
 * « markThreadAsTransactional currentInvocation==null ». Payara logs them for each
 * {@code @Transactional} method called outside a request or a bean's own call, which is what
 * the notifications of the demo's events are, written after its transaction commits during the
 * start-up: a first start printed 1,786 of them in a row, enough to make an administrator think the install had
 * failed, and to hide a real message among them (issue #11). Every other record of that logger
 * is kept.
 */
final class ContainerLogNoise implements Filter {

    static final String LOGGER = "javax.enterprise.resource.jta";

    /** Held here: a logger nobody references may be collected, and its filter with it. */
    private static final Logger JTA = Logger.getLogger(LOGGER);

    private static final SimpleFormatter TEXT = new SimpleFormatter();

    private final Filter previous;

    private ContainerLogNoise(Filter previous) {
        this.previous = previous;
    }

    /** Installs the filter once, keeping any filter the logger already had. */
    static synchronized void install() {
        if (!(JTA.getFilter() instanceof ContainerLogNoise)) {
            JTA.setFilter(new ContainerLogNoise(JTA.getFilter()));
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (isNoise(record)) {
            return false;
        }
        return previous == null || previous.isLoggable(record);
    }

    static boolean isNoise(LogRecord record) {
        String raw = record.getMessage();
        if (raw == null) {
            return false;
        }
        String text = raw.contains(" ") ? raw : TEXT.formatMessage(record);
        return text.startsWith("No ComponentInvocation present for @Transactional annotation processing")
                || text.startsWith("TransactionalInterceptorBase.markThreadAsTransactional currentInvocation==null")
                || raw.equals("AS-JTA-00003");
    }
}
