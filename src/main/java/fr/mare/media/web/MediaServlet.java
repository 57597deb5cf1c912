package fr.mare.media.web;

import fr.mare.account.Caller;
import fr.mare.media.MediaService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * {@code GET /medias/<name>} (issue #15): an uploaded image, to whoever may see it
 * ({@link MediaService#open}), else a plain 404 — the same answer for a hidden post's image, an
 * image never used, and a name that never existed. Names are immutable (a content hash), so the
 * answer is cached for a year ({@code immutable}; {@code public} only when every visitor may see
 * the image, {@code private} otherwise), with the name as ETag. The bytes are Mare's own
 * re-encoding; the headers make sure no browser reads them as anything but that image:
 * {@code Content-Type} from the stored format, {@code X-Content-Type-Options: nosniff},
 * {@code Content-Disposition: inline} and a sandboxing {@code Content-Security-Policy}. A
 * visitor's request opens no session.
 */
@WebServlet(name = "medias", urlPatterns = MediaService.PATH + "*")
public class MediaServlet extends HttpServlet {

    static final String YEAR = "max-age=31536000, immutable";

    @Inject
    private MediaService media;

    /** Per request: the servlet is one instance, the caller is each request's. */
    @Inject
    private jakarta.enterprise.inject.Instance<Caller> caller;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        String name = info == null || info.length() < 2 || info.indexOf('/', 1) >= 0 ? null : info.substring(1);
        Optional<MediaService.Served> served = name == null ? Optional.empty() : media.open(caller.get(), name);
        if (served.isEmpty()) {
            response.setHeader("Cache-Control", "no-store");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        MediaService.Served image = served.get();
        response.setHeader("Cache-Control", (image.forEveryone() ? "public, " : "private, ") + YEAR);
        response.setHeader("ETag", image.etag());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Disposition", "inline");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(image.etag()) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        // An image has no charset: drop the one the container set for pages (« image/jpeg;charset=UTF-8 »).
        response.setCharacterEncoding((String) null);
        response.setContentType(image.contentType());
        try {
            long length = Files.size(image.file());
            response.setContentLengthLong(length);
            if (!"HEAD".equals(request.getMethod())) {
                Files.copy(image.file(), response.getOutputStream());
            }
        } catch (NoSuchFileException e) {
            // A row without its file (a restore without medias/, a disk mishap): nothing to show.
            response.reset();
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
