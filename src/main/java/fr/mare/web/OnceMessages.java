package fr.mare.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Messages shown once, on the page after a redirect (Post/Redirect/Get: « Votre réponse est
 * publiée »), on whichever node serves that page (issue #17, ADR 0036). Faces' flash kept them in
 * the memory of the node that redirected; they now travel in the {@value #COOKIE} cookie of the
 * redirect itself: their severity, component and text, signed with HMAC-SHA-256 under a key
 * derived from the view states' key every node shares ({@code mare.faces.state-key}; without one,
 * a key of this node only). The cookie is good for two minutes (its instant is signed), names the
 * page the redirect goes to, and is read by the next Faces page and forgotten there: shown if that
 * page is the redirect's target, dropped otherwise (as Faces' flash lived one request: a message
 * of an earlier action never turns up on an unrelated page, a 404 for instance). Its size is bounded: past {@link #MAX_PAYLOAD} bytes, later messages are
 * dropped (a message is a sentence of the bundle, a name at most). Signed, so no other site (nor
 * a sibling domain that can set cookies) puts words in Mare's mouth; not encrypted, since it only
 * repeats what the person is about to read.
 * <p>
 * {@link FormMessages#flashInfo} and {@link FormMessages#keepForNextPage} ask for it; {@link
 * Navigation#redirect} writes the cookie; this phase listener, after the view is restored, turns
 * the cookie back into messages.
 */
public class OnceMessages implements PhaseListener {

    static final String COOKIE = "MARE_MESSAGES";
    private static final String KEEP = OnceMessages.class.getName() + ".keep";
    private static final int MAX_PAYLOAD = 2500;
    private static final int MAX_TEXT = 600;
    private static final long LIFETIME_SECONDS = 120;

    /** One message to carry: its component (null: the page's), severity and text. */
    record Carried(String clientId, FacesMessage.Severity severity, String text) {
    }

    /** What a cookie carries: the path of the page it is for (no query), and its messages. */
    record Delivery(String target, List<Carried> messages) {
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (!(context.getExternalContext().getRequest() instanceof HttpServletRequest request)
                || !(context.getExternalContext().getResponse() instanceof HttpServletResponse response)) {
            return;
        }
        String sent = sentCookie(request);
        if (sent == null) {
            return;
        }
        response.addHeader("Set-Cookie", cookie(request, "", 0));
        // The address the browser asked for, before OmniFaces forwarded it to its .xhtml; on an
        // error page, the address that failed.
        String page = org.omnifaces.util.Servlets.getRequestRelativeURI(request);
        decode(sent, Keys.KEY, Instant.now()).filter(delivery -> isFor(delivery.target(), page)).ifPresent(delivery ->
                delivery.messages().forEach(m -> context.addMessage(m.clientId(), new FacesMessage(m.severity(), m.text(), null))));
    }

    /** The messages of this request are to be shown by the next page (after {@link Navigation#redirect}). */
    static void keep(FacesContext context) {
        context.getAttributes().put(KEEP, Boolean.TRUE);
    }

    /** Whether a cookie written for a redirect to {@code target} belongs on {@code page} (both paths within the application). */
    static boolean isFor(String target, String page) {
        return page.equals(target);
    }

    /** Before a redirect to {@code path} (within the application): the messages to keep, into the cookie of the redirect. */
    static void carry(FacesContext context, String path) {
        if (!Boolean.TRUE.equals(context.getAttributes().get(KEEP))
                || !(context.getExternalContext().getRequest() instanceof HttpServletRequest request)
                || !(context.getExternalContext().getResponse() instanceof HttpServletResponse response)) {
            return;
        }
        List<Carried> messages = new ArrayList<>();
        for (Iterator<String> ids = context.getClientIdsWithMessages(); ids.hasNext(); ) {
            String clientId = ids.next();
            context.getMessages(clientId).forEachRemaining(m -> messages.add(new Carried(clientId, m.getSeverity(), m.getSummary())));
        }
        if (!messages.isEmpty()) {
            response.addHeader("Set-Cookie", cookie(request, encode(messages, Navigation.pathOf(path), Keys.KEY, Instant.now()), LIFETIME_SECONDS));
        }
    }

    /** {@code base64url(payload).base64url(hmac)}; the payload's lines: the instant and the target, then one message each. */
    static String encode(List<Carried> messages, String target, byte[] key, Instant now) {
        StringBuilder payload = new StringBuilder(now.getEpochSecond() + "\t" + url(target));
        for (Carried message : messages) {
            String text = message.text() == null ? "" : message.text();
            if (text.length() > MAX_TEXT) {
                text = text.substring(0, MAX_TEXT - 1) + "…";
            }
            String line = "\n" + message.severity().getOrdinal() + "\t" + (message.clientId() == null ? "" : url(message.clientId()))
                    + "\t" + url(text);
            if (payload.length() + line.length() > MAX_PAYLOAD) {
                break;
            }
            payload.append(line);
        }
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, body));
    }

    /** The target and messages of a cookie that is whole, signed with {@code key} and fresh; empty otherwise. */
    static Optional<Delivery> decode(String value, byte[] key, Instant now) {
        int dot = value.lastIndexOf('.');
        if (dot <= 0 || value.length() > 4096) {
            return Optional.empty();
        }
        String body = value.substring(0, dot);
        try {
            byte[] signature = Base64.getUrlDecoder().decode(value.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(key, body))) {
                return Optional.empty();
            }
            String[] lines = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).split("\n");
            String[] head = lines[0].split("\t", -1);
            long issued = Long.parseLong(head[0]);
            if (issued > now.getEpochSecond() + 60 || issued + LIFETIME_SECONDS < now.getEpochSecond()) {
                return Optional.empty();
            }
            List<Carried> messages = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] fields = lines[i].split("\t", -1);
                FacesMessage.Severity severity = FacesMessage.VALUES.stream()
                        .filter(s -> s.getOrdinal() == Integer.parseInt(fields[0])).findFirst().orElse(FacesMessage.SEVERITY_INFO);
                messages.add(new Carried(fields[1].isEmpty() ? null : unurl(fields[1]), severity, unurl(fields[2])));
            }
            return Optional.of(new Delivery(unurl(head[1]), messages));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static String cookie(HttpServletRequest request, String value, long maxAge) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        return COOKIE + "=" + value + "; Path=" + path + (maxAge == 0 ? "; Max-Age=0" : CookieExpiry.in(java.time.Duration.ofSeconds(maxAge)))
                + "; HttpOnly; SameSite=Lax"
                + (request.isSecure() ? "; Secure" : "");
    }

    private static String sentCookie(HttpServletRequest request) {
        return Cookies.sent(request, COOKIE);
    }

    private static byte[] mac(byte[] key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String unurl(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The signing key of this node, read once (a holder: unit tests never read the configuration). */
    static final class Keys {

        /** The view states' key, or (none configured) a key of this node drawn once. */
        static final byte[] SECRET = secret(ConfigProvider.getConfig().getOptionalValue("mare.faces.state-key", String.class).orElse(""));
        static final byte[] KEY = mac(SECRET, "mare.once-messages");

        private Keys() {
        }
    }

    /** The signing key: derived from the view states' key (never that key itself). */
    static byte[] derive(String stateKey) {
        return mac(secret(stateKey), "mare.once-messages");
    }

    /** A key for {@code label}, derived from this node's view states' key (for {@link SealedValues}). */
    static byte[] nodeKey(String label) {
        return mac(Keys.SECRET, label);
    }

    private static byte[] secret(String stateKey) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(stateKey.strip());
        } catch (IllegalArgumentException e) {
            secret = new byte[0];
        }
        if (secret.length < 32) {
            // Like Mojarra without a key: this node's own, its messages readable by itself only.
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        }
        return secret;
    }
}
