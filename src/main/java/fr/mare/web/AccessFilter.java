package fr.mare.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Deque;

/**
 * Coarse URL rules: which paths need a logged-in caller in a given role, as each feature declares
 * them ({@link UrlRules}, gathered by {@link AccessRules}; #10). Anonymous callers are sent to
 * {@code /connexion?retour=…} (and come back after logging in); callers without the role get a
 * 403. Decided on the normalized path, as the container resolves it to a page. Declared in
 * web.xml, before Faces.
 * <p>
 * These rules would normally be web.xml security constraints, but on Payara 7 a constraint on
 * {@code /compte} also protected the context root {@code /} (docs/adr/0003). Fine-grained rules
 * stay in each feature's service and policy: this filter only spares people a useless page.
 */
public class AccessFilter extends HttpFilter {

    @Inject
    private AccessRules rules;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = normalizedPath(request.getRequestURI().substring(request.getContextPath().length()));
        if (path == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String role = rules.requiredRole(path);
        if (role != null) {
            if (request.getUserPrincipal() == null) {
                String query = request.getQueryString();
                String back = query == null ? path : path + "?" + query;
                List<ErrorPageBacking.SubmittedField> typed = "POST".equals(request.getMethod())
                        ? ErrorPageBacking.typedFields(request.getParameterMap()) : List.of();
                if (!typed.isEmpty()) {
                    loginWithTheTypedText(request, response, back, typed);
                    return;
                }
                response.sendRedirect(request.getContextPath() + Navigation.loginPath(back));
                return;
            }
            if (!request.isUserInRole(role)) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * A member whose session ended while writing sent a form (#14): the answer (401) is a login
     * page carrying what they typed ({@link SessionDraft}, {@code WEB-INF/errorpages/session-ended.xhtml}),
     * not a redirect that would lose it.
     */
    private static void loginWithTheTypedText(HttpServletRequest request, HttpServletResponse response, String back,
                                              List<ErrorPageBacking.SubmittedField> typed) throws IOException {
        request.setAttribute(SessionDraft.FIELDS, typed);
        request.setAttribute(SessionDraft.RETURN, Navigation.safeLocalPath(back));
        response.setHeader("Cache-Control", "no-store");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "session ended");
    }

    /**
     * The path as the container resolves it to a page, so that the rules see what will be
     * served: {@code //admin/x}, {@code /%61dmin/x}, {@code /./admin/x} and {@code /admin;x/y}
     * all are {@code /admin/…}. Percent-decoded (UTF-8), path parameters dropped, repeated
     * slashes folded, dot segments resolved; {@code null} for a path that cannot be decoded or
     * climbs above the root.
     */
    public static String normalizedPath(String raw) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : raw.split("/", -1)) {
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            String decoded;
            try {
                decoded = decode(name);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (decoded.contains("/") || decoded.contains("\\")) {
                return null;
            }
            switch (decoded) {
                case "", "." -> { }
                case ".." -> {
                    if (segments.pollLast() == null) {
                        return null;
                    }
                }
                default -> segments.addLast(decoded);
            }
        }
        String path = "/" + String.join("/", segments);
        boolean trailingSlash = raw.endsWith("/") && !segments.isEmpty();
        return trailingSlash ? path + "/" : path;
    }

    /** Percent-decoding of a path segment: {@code +} stays a plus; malformed escapes or UTF-8 are refused. */
    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    throw new IllegalArgumentException("escape tronqué");
                }
                bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("UTF-8 invalide", e);
        }
    }
}
