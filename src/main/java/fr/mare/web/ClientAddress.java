package fr.mare.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Collections;
import java.util.logging.Logger;

/**
 * The address of the person behind a request (issue #17, ADR 0036), the one the login throttle,
 * the registration limit and the security log see: the direct peer, or behind a proxy listed in
 * {@code mare.trusted-proxies} ({@code MARE_TRUSTED_PROXIES}) the address that proxy puts in
 * {@code X-Forwarded-For} ({@link TrustedProxies}). Read once at start-up; an entry that is not an
 * address or a range stops the deployment. Use {@link #of} wherever {@code getRemoteAddr()} was.
 */
@WebListener
public class ClientAddress implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());
    private static final String ATTRIBUTE = ClientAddress.class.getName();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String configured = ConfigProvider.getConfig().getOptionalValue("mare.trusted-proxies", String.class).orElse("");
        TrustedProxies proxies;
        try {
            proxies = TrustedProxies.parse(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("mare.trusted-proxies (MARE_TRUSTED_PROXIES) : " + e.getMessage(), e);
        }
        event.getServletContext().setAttribute(ATTRIBUTE, proxies);
        if (!proxies.isEmpty()) {
            LOG.info(() -> "Adresse des visiteurs lue dans X-Forwarded-For des mandataires de confiance : " + configured.strip());
        }
    }

    /** The client's address for this request (never read from a header an untrusted peer sent). */
    public static String of(HttpServletRequest request) {
        return proxies(request.getServletContext())
                .client(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    private static TrustedProxies proxies(ServletContext context) {
        return context != null && context.getAttribute(ATTRIBUTE) instanceof TrustedProxies proxies ? proxies : TrustedProxies.NONE;
    }
}
