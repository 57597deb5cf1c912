package fr.mare.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Every response forbids loading anything from another host (no CDN, font, tracker or image
 * service can sneak in), framing, and MIME sniffing. Mare needs no inline script, so
 * {@code script-src 'self'} refuses every inline one (no nonce is needed while none exists).
 * Declared first in web.xml, on REQUEST, FORWARD and ERROR dispatches, so every response gets
 * them: the home page's forward, and error pages shown after something reset the response.
 * <p>
 * A page seen by a logged-in member is never stored by a browser or a proxy
 * ({@code Cache-Control: no-store}): it may hold their notifications, messages or moderation work.
 */
public class SecurityHeadersFilter extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self'; style-src 'self'; "
            + "script-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        if (request.getUserPrincipal() != null) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
