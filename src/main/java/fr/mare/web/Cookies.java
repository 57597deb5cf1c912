package fr.mare.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/** Reading the cookies Mare sets (issue #17, ADR 0036). */
public final class Cookies {

    private Cookies() {
    }

    /** The first non-empty value the client sent for the cookie {@code name}, or null. */
    public static String sent(HttpServletRequest request, String name) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
