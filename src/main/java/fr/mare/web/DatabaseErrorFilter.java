package fr.mare.web;

import fr.mare.platform.DatabaseStatus;
import fr.mare.platform.DatabaseUnavailableException;
import fr.mare.platform.DiskFullException;
import fr.mare.platform.DiskSpace;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * While the database is away (not yet migrated, or a query failed to connect), answers 503 with
 * a calm French page that re-shows what the person had typed, instead of a 500 or a stack trace.
 * Declared in web.xml so that it runs before Faces, and on REQUEST dispatches only.
 */
public class DatabaseErrorFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(DatabaseErrorFilter.class.getName());

    /** Request attribute read by the 503 page: the refusal was for lack of disk space. */
    public static final String DISK_FULL = "fr.mare.diskFull";

    @Inject
    private DatabaseStatus status;

    @Inject
    private DiskSpace diskSpace;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!status.isReady() && !isStaticResource(request)) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (DiskFullException.isCauseOf(e) && !response.isCommitted()) {
                // Issue #17 (R4): the write is refused in French, the typed text shown again.
                diskSpace.recordRefusal();
                LOG.log(Level.SEVERE, "ESPACE DISQUE PLEIN : la base a refusé une écriture pendant {0} {1} : {2}",
                        new Object[] {request.getMethod(), request.getRequestURI(), e.getMessage()});
                request.setAttribute(DISK_FULL, Boolean.TRUE);
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
            if (!DatabaseUnavailableException.isCauseOf(e) || response.isCommitted()) {
                throw e;
            }
            LOG.log(Level.WARNING, "Base de données indisponible pendant {0} {1} : {2}",
                    new Object[] {request.getMethod(), request.getRequestURI(), e.getMessage()});
            if (diskSpace.full()) {
                // An embedded MariaDB stops itself on ENOSPC rather than answer 1114: say why.
                request.setAttribute(DISK_FULL, Boolean.TRUE);
            }
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/") || path.equals("/favicon.ico");
    }
}
