package fr.mare.home;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The home page at exactly {@code /}. A welcome file would do, but with OmniFaces' extensionless
 * views it sent {@code /} to {@code /index} and back, or made every unknown path a copy of the
 * home page (docs/adr/0003). So the root is mapped to this servlet (the empty pattern matches the
 * context root only, and keeps security constraints out of it), and {@link Filter}, declared in
 * web.xml before OmniFaces' own filter, forwards it to the home view.
 */
public class HomeServlet extends HttpServlet {

    static final String VIEW = "/WEB-INF/views/home.xhtml";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.getRequestDispatcher(VIEW).forward(request, response);
    }

    /** Forwards {@code /} before OmniFaces FacesViews would redirect it. */
    public static class Filter extends HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request.getRequestURI().equals(request.getContextPath() + "/")) {
                request.getRequestDispatcher(VIEW).forward(request, response);
            } else {
                chain.doFilter(request, response);
            }
        }
    }
}
