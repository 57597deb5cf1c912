package fr.mare.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a request may carry, decided before anything reads it (security issue #10, reliability
 * issue #17):
 * <ul>
 *   <li>a body larger than {@code mare.http.max-request-bytes} is refused with a French 413 on
 *       its declared length, before a byte of it is read, and the connection is closed so the
 *       rest is never read either; a body of unannounced length (chunked) is refused with a 411
 *       for the same reason. A form that sends a file ({@code multipart/form-data} POST, the
 *       image uploads of #15) may carry {@code mare.uploads.max-bytes} more; the file's own
 *       limit is checked by the upload, which then tells why and keeps the text;</li>
 *   <li>only a POST changes state: a GET carrying a Faces view state (which Faces would treat as
 *       a postback) is refused with a 400;</li>
 *   <li>a POST sent by a page of another site is refused with a 403 (cross-site request forgery):
 *       browsers say where a form comes from ({@code Sec-Fetch-Site}, {@code Origin}); a client
 *       that says nothing (curl, a test) is not a browser that could be abused. This is what
 *       protects the forms of pages that keep no state for a visitor (performance issue #11:
 *       no session before login); Faces' view state still protects every member's form;</li>
 *   <li>C0 control characters (NUL, ESC…, all but tab, line feed and carriage return) are removed
 *       from every parameter, so that no title, reply or name stores one (they broke the Atom
 *       feeds and NUL bytes were stored in replies). A multipart form's text fields are
 *       parameters too; its files are parts ({@code getPart}), which pass untouched.</li>
 * </ul>
 * Declared in web.xml right after the security headers, on REQUEST and ERROR dispatches.
 */
public class RequestLimitsFilter extends HttpFilter {

    /** The container's default limit for a form body (Grizzly's maxPostSize). */
    static final long DEFAULT_MAX_REQUEST_BYTES = 2L * 1024 * 1024;

    private static final String VIEW_STATE = "jakarta.faces.ViewState";

    @Inject
    @ConfigProperty(name = "mare.http.max-request-bytes", defaultValue = "" + DEFAULT_MAX_REQUEST_BYTES)
    private long maxRequestBytes;

    @Inject
    @ConfigProperty(name = "mare.uploads.max-bytes", defaultValue = "8000000")
    private long maxUploadBytes;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // The error page of a refused body must not read it either (Faces would, to look for
            // a postback, and fail with a 500): it sees a plain GET without parameters.
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            boolean refusedBody = status instanceof Integer code
                    && (code == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE || code == HttpServletResponse.SC_LENGTH_REQUIRED);
            chain.doFilter(refusedBody ? new WithoutBody(request) : request, response);
            return;
        }
        if (request.isRequestedSessionIdFromURL() || request.getRequestURI().toLowerCase(java.util.Locale.ROOT).contains(";jsessionid")) {
            // Session ids travel in cookies only (#10): one in the address is neither used nor
            // kept; the same address without it is where to go.
            String query = request.getQueryString();
            response.sendRedirect(request.getRequestURI().replaceAll("(?i);jsessionid=[^/?#;]*", "") + (query == null ? "" : "?" + query));
            return;
        }
        boolean post = "POST".equals(request.getMethod());
        if (request.getContentLengthLong() > maxRequestBytes + (post && isMultipart(request.getContentType()) ? maxUploadBytes : 0)) {
            refuseTooLarge(response);
            return;
        }
        if (!post && carriesViewState(request.getQueryString())) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (post && crossSite(request) && !oneClickUnsubscribe(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
            // A body of unannounced length could only be measured by reading it: browsers always
            // announce the length of a form or an upload, so such a body is refused unread.
            response.setHeader("Connection", "close");
            response.sendError(HttpServletResponse.SC_LENGTH_REQUIRED);
            return;
        }
        chain.doFilter(new WithoutControlCharacters(request), response);
    }

    /**
     * True when the browser tells that another site sent this request: {@code Sec-Fetch-Site}
     * other than same-origin or none (typed by the user), or else an {@code Origin} whose host
     * and port are not the request's own ({@code Host}; a proxy in front may change the scheme).
     */
    /**
     * RFC 8058: a mail client (or its web interface, another site) POSTs to a notification mail's
     * unsubscribe address; the address's own token authorises it, not the page it came from.
     */
    private static boolean oneClickUnsubscribe(HttpServletRequest request) {
        return (request.getContextPath() + "/courriels/desabonnement").equals(request.getRequestURI());
    }

    static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !"same-origin".equalsIgnoreCase(site) && !"none".equalsIgnoreCase(site);
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        return host == null || !authorityOf(origin).equalsIgnoreCase(withoutDefaultPort(host.strip()));
    }

    /** {@code https://forum.example:443} gives {@code forum.example}; "null" or garbage gives "". */
    static String authorityOf(String origin) {
        int scheme = origin.indexOf("://");
        if (scheme < 0) {
            return "";
        }
        String authority = origin.substring(scheme + 3);
        int slash = authority.indexOf('/');
        return withoutDefaultPort(slash < 0 ? authority : authority.substring(0, slash));
    }

    private static String withoutDefaultPort(String authority) {
        if (authority.endsWith(":80") || authority.endsWith(":443")) {
            return authority.substring(0, authority.lastIndexOf(':'));
        }
        return authority;
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    private static void refuseTooLarge(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    }

    static boolean carriesViewState(String query) {
        if (query == null) {
            return false;
        }
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2)[0])
                .anyMatch(name -> VIEW_STATE.equals(name) || VIEW_STATE.equals(decodedOrNull(name)));
    }

    private static String decodedOrNull(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** The text without C0 controls but tab, line feed and carriage return; the same string when it has none. */
    static String withoutControlCharacters(String value) {
        if (value == null) {
            return null;
        }
        int first = firstControl(value);
        if (first < 0) {
            return value;
        }
        StringBuilder clean = new StringBuilder(value.length());
        clean.append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isForbiddenControl(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    private static int firstControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (isForbiddenControl(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }

    /** The error page's view of a request whose body was refused: a GET with no parameter. */
    static final class WithoutBody extends HttpServletRequestWrapper {

        WithoutBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }
    }

    /**
     * Every way Faces and the servlets read a parameter gives the cleaned value. A body that is not
     * {@code multipart/form-data} carries no file: its parts are none, where the container would
     * throw (Mojarra's file input asks for them whatever the form was sent as, and a client that
     * sends an upload form as a plain form got a 500; reliability issue #17, R6).
     */
    static final class WithoutControlCharacters extends HttpServletRequestWrapper {

        private Map<String, String[]> cleaned;

        WithoutControlCharacters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (cleaned == null) {
                Map<String, String[]> map = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> map.put(name,
                        Arrays.stream(values).map(RequestLimitsFilter::withoutControlCharacters).toArray(String[]::new)));
                cleaned = Collections.unmodifiableMap(map);
            }
            return cleaned;
        }

        @Override
        public Collection<Part> getParts() throws IOException, ServletException {
            return isMultipart(getContentType()) ? super.getParts() : List.of();
        }

        @Override
        public Part getPart(String name) throws IOException, ServletException {
            return isMultipart(getContentType()) ? super.getPart(name) : null;
        }
    }
}
