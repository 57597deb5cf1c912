package fr.mare.web;

import fr.mare.platform.ContentVersion;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The read path's front door (performance issue #11, ADR 0019). A visitor's GET — no cookie, so
 * nobody logged in and no flash message waiting — is answered from the {@link PageCache} when the
 * page kept for its address and language is of the current {@link ContentVersion}; otherwise it
 * is rendered and, if it is a plain 200 page that created no session and set no cookie, kept.
 * Such pages carry an ETag ({@code If-None-Match} gets a 304) and {@code Cache-Control: no-cache}
 * (a browser asks again, cheaply). Every other text response, a member's pages included, is sent
 * gzip-compressed when the client accepts it ({@code X-Mare-Cache} says which path was taken).
 * <p>
 * The version is read before the page is rendered, so a page rendered while a write commits is
 * kept under the older version and never served after the write.
 */
public class PageCacheFilter extends HttpFilter {

    private static final int MIN_GZIP_BYTES = 860;

    @Inject
    private PageCache cache;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!cache.isEnabled() || !buffered(path)) {
            chain.doFilter(request, response);
            return;
        }
        boolean get = "GET".equals(request.getMethod());
        boolean head = "HEAD".equals(request.getMethod());
        boolean visitor = (get || head) && request.getHeader("Cookie") == null && request.getHeader("Authorization") == null;
        String key = visitor ? key(request) : null;
        long version = ContentVersion.current();
        if (visitor) {
            PageCache.Page kept = cache.get(key, version);
            if (kept != null) {
                send(request, response, kept.contentType(), kept.body(), kept.gzipped(), kept.etag(), "hit", head);
                return;
            }
        }
        if (head) {
            // A HEAD renders no body to keep: answered as usual.
            chain.doFilter(request, response);
            return;
        }
        Capture capture = new Capture(response);
        chain.doFilter(request, capture);
        if (capture.passedThrough) {
            return;
        }
        byte[] body = capture.body();
        String contentType = response.getContentType();
        if (visitor && capture.status == HttpServletResponse.SC_OK && keepable(contentType)
                && response.getHeader("Set-Cookie") == null && request.getSession(false) == null
                && !String.valueOf(response.getHeader("Cache-Control")).contains("no-store")) {
            PageCache.Page page = cache.put(key, contentType, body, version);
            send(request, response, contentType, body, page.gzipped(), page.etag(), "miss", false);
            return;
        }
        if (capture.status == HttpServletResponse.SC_NOT_MODIFIED || capture.status == HttpServletResponse.SC_NO_CONTENT) {
            return;
        }
        response.setHeader("X-Mare-Cache", "pass");
        if (compressible(contentType) && body.length >= MIN_GZIP_BYTES && acceptsGzip(request)
                && response.getHeader("Content-Encoding") == null) {
            byte[] gzipped = PageCache.gzip(body);
            response.setHeader("Content-Encoding", "gzip");
            response.addHeader("Vary", "Accept-Encoding");
            response.setContentLength(gzipped.length);
            response.getOutputStream().write(gzipped);
        } else {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, String contentType, byte[] body,
                             byte[] gzipped, String etag, String how, boolean head) throws IOException {
        response.setHeader("X-Mare-Cache", how);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Accept-Encoding, Accept-Language, Cookie");
        if (PageCache.matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(contentType);
        byte[] sent = body;
        if (acceptsGzip(request) && gzipped.length < body.length) {
            response.setHeader("Content-Encoding", "gzip");
            sent = gzipped;
        }
        response.setContentLength(sent.length);
        if (!head) {
            response.getOutputStream().write(sent);
        }
    }

    /**
     * Pages, feeds and styles; not the health checks, which must always be asked, nor the uploaded
     * images (#15), which are files with their own year-long caching and never worth gzip.
     */
    static boolean buffered(String path) {
        return !path.startsWith("/health") && !path.startsWith("/metrics") && !path.startsWith("/openapi")
                && !path.startsWith("/medias/");
    }

    /** The language the page will be in (as {@link LocaleSelector} chooses it) and the address. */
    static String key(HttpServletRequest request) {
        String query = request.getQueryString();
        return LocaleSelector.choose(request.getHeader("Accept-Language")).getLanguage() + " "
                + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    static boolean keepable(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/atom+xml") || type.startsWith("application/json");
    }

    static boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("xml") || type.contains("json") || type.contains("javascript")
                || type.startsWith("image/svg");
    }

    static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Encoding");
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.split(",")) {
            String[] parts = coding.strip().split(";");
            if (parts[0].strip().equalsIgnoreCase("gzip")) {
                return parts.length == 1 || !parts[1].replace(" ", "").equalsIgnoreCase("q=0");
            }
        }
        return false;
    }

    /**
     * Holds the body in memory until the page is done, so that it can be kept, compressed and
     * measured. A redirect or an error is not held: it goes to the client as usual.
     */
    static final class Capture extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        private ServletOutputStream stream;
        private PrintWriter writer;
        int status = SC_OK;
        boolean passedThrough;

        Capture(HttpServletResponse response) {
            super(response);
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.toByteArray();
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            passedThrough = true;
            status = sc;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            passedThrough = true;
            status = sc;
            super.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            passedThrough = true;
            status = SC_FOUND;
            super.sendRedirect(location);
        }

        @Override
        public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
            passedThrough = true;
            status = sc;
            super.sendRedirect(location, sc, clearBuffer);
        }

        @Override
        public void setContentLength(int len) {
            // The length is set when the body is sent, compressed or not.
        }

        @Override
        public void setContentLengthLong(long len) {
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Content-Length".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"Content-Length".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (writer != null) {
                throw new IllegalStateException("getWriter() a déjà été appelé");
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() a déjà été appelé");
            }
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                writer = new PrintWriter(new OutputStreamWriter(bytes, charset), false);
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void resetBuffer() {
            if (writer != null) {
                writer.flush();
            }
            bytes.reset();
        }

        @Override
        public void reset() {
            resetBuffer();
            status = SC_OK;
            super.reset();
        }

        @Override
        public boolean isCommitted() {
            return passedThrough && super.isCommitted();
        }
    }
}
