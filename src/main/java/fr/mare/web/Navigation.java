package fr.mare.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Post/Redirect/Get, and the check that a "come back to" address stays inside Mare. */
public final class Navigation {

    private Navigation() {
    }

    /**
     * Redirects (302, then GET) to a path inside Mare, e.g. {@code "/compte"}, with the messages
     * kept for the next page ({@link FormMessages#flashInfo}, {@link OnceMessages}).
     */
    public static void redirect(String path) {
        FacesContext context = FacesContext.getCurrentInstance();
        OnceMessages.carry(context, path);
        ExternalContext external = context.getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The path a redirect goes to, without its query or fragment: what the next request's path
     * is compared with (the messages of {@link OnceMessages}, the kept text of {@link SessionDraft}).
     */
    static String pathOf(String redirect) {
        int end = redirect.length();
        for (char c : new char[] {'?', '#'}) {
            int at = redirect.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return redirect.substring(0, end);
    }

    /** The login page, asked to come back to {@code path} afterwards. */
    public static String loginPath(String path) {
        return "/connexion?retour=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A "retour" address is only followed when it is a path of this site: no scheme, no host,
     * no protocol-relative {@code //}, no backslash trick. Anything else goes home.
     */
    public static String safeLocalPath(String candidate) {
        if (candidate == null || candidate.isBlank() || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.contains("\\") || candidate.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || candidate.startsWith("/deconnexion") || candidate.startsWith("/connexion")) {
            return "/";
        }
        return candidate;
    }
}
