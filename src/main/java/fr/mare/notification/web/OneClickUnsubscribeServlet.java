package fr.mare.notification.web;

import fr.mare.notification.MailChoices;
import fr.mare.platform.BusinessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /courriels/desabonnement?compte=…&type=…&jeton=…}: the address of a notification mail's
 * {@code List-Unsubscribe} header. A mail client's one-click POST (RFC 8058, body
 * {@code List-Unsubscribe=One-Click}) turns the category off at once, without login: the link's
 * token is the authority (an HMAC only Mare can make), so the cross-site check of
 * {@code RequestLimitsFilter} does not apply here. A GET changes nothing: it sends the person to
 * {@code /desabonnement}, which asks to confirm with a button.
 */
@WebServlet(name = "oneClickUnsubscribe", urlPatterns = "/courriels/desabonnement")
public class OneClickUnsubscribeServlet extends HttpServlet {

    @Inject
    private MailChoices choices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String query = request.getQueryString();
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/desabonnement" + (query == null ? "" : "?" + query));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        try {
            choices.unsubscribe(request.getParameter("compte"), request.getParameter("type"), request.getParameter("jeton"));
        } catch (BusinessException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getOutputStream().write("Lien de désabonnement inconnu.\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.getOutputStream().write("Désabonnement enregistré : Mare ne vous enverra plus ces courriels.\n"
                .getBytes(StandardCharsets.UTF_8));
    }
}
