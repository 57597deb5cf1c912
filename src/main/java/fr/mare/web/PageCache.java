package fr.mare.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * The pages kept for visitors (ADR 0019): what an anonymous GET rendered, by locale and address,
 * with the {@link fr.mare.platform.ContentVersion} it was rendered at, its gzip form and its
 * ETag. A page kept at another version is never served; one older than
 * {@code mare.page-cache.seconds} (60) neither, so that « il y a 3 minutes » and the end of a
 * suspension show up without a write. At most {@code mare.page-cache.max-bytes} (32 MiB) are
 * kept, least used first out. {@code mare.page-cache.enabled=false} turns it off.
 */
@ApplicationScoped
public class PageCache {

    /** A kept page: its bytes as rendered and gzipped, and what they were rendered for. */
    record Page(String contentType, byte[] body, byte[] gzipped, String etag, long version) {
        int weight() {
            return body.length + gzipped.length + 128;
        }
    }

    @Inject
    @ConfigProperty(name = "mare.page-cache.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "mare.page-cache.seconds", defaultValue = "60")
    long seconds;

    @Inject
    @ConfigProperty(name = "mare.page-cache.max-bytes", defaultValue = "33554432")
    long maxBytes;

    private volatile Cache<String, Page> pages;

    private Cache<String, Page> pages() {
        Cache<String, Page> current = pages;
        if (current == null) {
            synchronized (this) {
                if (pages == null) {
                    pages = Caffeine.newBuilder()
                            .maximumWeight(maxBytes)
                            .weigher((String key, Page page) -> key.length() + page.weight())
                            .expireAfterWrite(Duration.ofSeconds(Math.max(1, seconds)))
                            .build();
                }
                current = pages;
            }
        }
        return current;
    }

    boolean isEnabled() {
        return enabled;
    }

    /** The page kept for this key at this version, or null. */
    Page get(String key, long version) {
        Page page = pages().getIfPresent(key);
        return page != null && page.version() == version ? page : null;
    }

    Page put(String key, String contentType, byte[] body, long version) {
        Page page = new Page(contentType, body, gzip(body), etag(body), version);
        pages().put(key, page);
        return page;
    }

    /** How many pages are kept (for tests and the benchmark's notes). */
    long size() {
        return pages().estimatedSize();
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A strong validator: the first 128 bits of the body's SHA-256. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when an If-None-Match header names this ETag (or is {@code *}). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag) || tag.equals("*")) {
                return true;
            }
        }
        return false;
    }

}
