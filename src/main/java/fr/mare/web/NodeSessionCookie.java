package fr.mare.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.regex.Pattern;

/**
 * Each node's session cookie has its own name when nodes share a site (issue #17, ADR 0032):
 * {@code mare.node-name} ({@code MARE_NODE_NAME}) = {@code a} gives {@code JSESSIONID_a}. Behind a
 * round-robin proxy a browser then keeps one session per node, each opened once from the login's
 * token, instead of every request replacing the other node's session id (a new session, and a
 * new login from the token, at every request). Unset (one node): {@code JSESSIONID}.
 */
@WebListener
public class NodeSessionCookie implements ServletContextListener {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]{1,20}");

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String node = ConfigProvider.getConfig().getOptionalValue("mare.node-name", String.class).orElse("").strip();
        if (node.isEmpty()) {
            return;
        }
        if (!NAME.matcher(node).matches()) {
            throw new IllegalStateException("mare.node-name must be 1 to 20 letters or digits: " + node);
        }
        event.getServletContext().getSessionCookieConfig().setName("JSESSIONID_" + node);
    }

    /** The session cookie's name on this node. */
    public static String name(ServletContext context) {
        String name = context.getSessionCookieConfig().getName();
        return name == null || name.isEmpty() ? "JSESSIONID" : name;
    }
}
