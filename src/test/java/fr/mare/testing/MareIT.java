package fr.mare.testing;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static fr.mare.testing.Sql.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The base of the Arquillian tests that drive Mare as browsers without JavaScript (#16), as
 * OmniFaces' {@code OmniFacesIT} is for its own: the deployment (the shipped {@code mare.war},
 * {@link Deployments}), the address it answers on, and the people a test needs — anonymous
 * visitors, new members, moderators and the administrator of {@link TestDatabase}. Every person
 * is new, so tests never share state: the server itself is shared by the whole run
 * ({@link SharedPayaraContainer}, docs/adr/0034), as the database and the search index are.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class MareIT {

    /** Every member's password in the tests. */
    protected static final String PASSWORD = "une phrase de passe tranquille";

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.mare();
    }

    @ArquillianResource
    protected URL base;

    /** A logged-in member: their username (also their display name) and their browser. */
    public record Member(String name, WebClient client) {
    }

    /** A visitor without an account. */
    protected WebClient anonymous() throws Exception {
        return new WebClient(base.toURI());
    }

    /** A new member, registered and logged in. */
    protected Member member(String prefix) throws Exception {
        WebClient client = anonymous();
        return new Member(client.registerNewMember(prefix, PASSWORD), client);
    }

    /** A new member's browser, for tests that never need the name. */
    protected WebClient loggedIn(String prefix) throws Exception {
        return member(prefix).client();
    }

    /** A new member promoted to moderator (in the database), logged in again so that the role applies. */
    protected Member moderator(String prefix) throws Exception {
        Member m = member(prefix);
        // username is the canonical (lower-case) name, compared byte for byte: a prefix with a
        // capital would match no row and leave a plain member (seen in PhoneLayoutBrowserIT).
        assertEquals(1, sql("UPDATE account SET role = 'MODERATOR' WHERE username = ?", m.name()), "promoted: " + m.name());
        return new Member(m.name(), logIn(m.name()));
    }

    /** The administrator of the test database, logged in. */
    protected WebClient admin() throws Exception {
        return logIn(TestDatabase.ADMIN_USERNAME, TestDatabase.ADMIN_PASSWORD);
    }

    /** A new browser logged in as {@code username} (with {@link #PASSWORD}). */
    protected WebClient logIn(String username) throws Exception {
        return logIn(username, PASSWORD);
    }

    private WebClient logIn(String username, String password) throws Exception {
        WebClient client = anonymous();
        assertEquals(302, client.login(username, password).status(), "login of " + username);
        return client;
    }
}
