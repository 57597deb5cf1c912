package fr.mare.account.web;

import fr.mare.account.LoginSessions;
import fr.mare.web.CsrfToken;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * {@code POST /deconnexion}: logs out and ends the session. It is not a Faces form (it sits in
 * every page's header), so it carries its own CSRF token; a GET changes nothing and goes home.
 */
@WebServlet(name = "logout", urlPatterns = "/deconnexion")
public class LogoutServlet extends HttpServlet {

    @Inject
    private LoginSessions loginSessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (request.getUserPrincipal() != null && !CsrfToken.isValid(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        // Ends the login on every node (ADR 0032), and the client forgets its token.
        loginSessions.end(Sessions.token(request));
        Sessions.forgetToken(request, response);
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/?au-revoir=1");
    }
}
