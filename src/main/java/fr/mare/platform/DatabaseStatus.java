package fr.mare.platform;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the schema is migrated; until then pages answer 503 and the readiness check is DOWN. */
@ApplicationScoped
public class DatabaseStatus {

    private volatile boolean ready;
    private volatile String problem = "migrations pas encore appliquées";

    public boolean isReady() {
        return ready;
    }

    public String problem() {
        return problem;
    }

    void markReady() {
        ready = true;
        problem = null;
    }

    void markProblem(String problem) {
        this.problem = problem;
    }
}
