package fr.mare.testing;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The deployment of every Arquillian test: the very {@code target/mare.war} that {@code mvn
 * package} built (Failsafe runs after packaging), so tests exercise what ships, not a
 * hand-picked list of classes.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive mare() {
        File war = new File(System.getProperty("mare.war", "target/mare.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
