package fr.mare.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every broken rule of one form at once (#14): a service checks each field, collects the
 * refusals and throws them together, so the person learns all of them in one submit. It is a
 * {@link BusinessException} (the first refusal) for callers that only show one.
 */
public class BusinessExceptions extends BusinessException {

    private final transient List<BusinessException> all;

    private BusinessExceptions(List<BusinessException> all) {
        super(all.getFirst().messageKey(), all.getFirst().field(), all.getFirst().arguments());
        this.all = List.copyOf(all);
    }

    public List<BusinessException> all() {
        return all;
    }

    /** Collects the refusals of several checks; {@link #throwIfAny} ends the collection. */
    public static final class Collector {

        private final List<BusinessException> refused = new ArrayList<>();

        /** The check's result, or null (its refusal kept) when it refused. */
        public <T> T check(Supplier<T> check) {
            try {
                return check.get();
            } catch (BusinessException e) {
                refused.add(e);
                return null;
            }
        }

        public void throwIfAny() {
            if (refused.size() == 1) {
                throw refused.getFirst();
            }
            if (!refused.isEmpty()) {
                throw new BusinessExceptions(refused);
            }
        }
    }
}
