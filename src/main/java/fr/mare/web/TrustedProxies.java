package fr.mare.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} Mare believes (issue #17, ADR 0036), from
 * {@code mare.trusted-proxies}: addresses and CIDR ranges, IPv4 and IPv6, separated by commas
 * ({@code 127.0.0.1, ::1, 10.0.0.0/8, fd00::/8}). Empty trusts no one: the client is the direct
 * peer, whatever the request's headers say.
 * <p>
 * With a trusted peer, the client is the right-most address of {@code X-Forwarded-For} that is not
 * itself a trusted proxy: every address to its right was appended by a proxy we trust, everything
 * to its left was written by the client or by proxies we know nothing of, so it is never read (a
 * client that sends {@code X-Forwarded-For: 1.2.3.4} only adds an address nobody looks at). An
 * entry that is not an address literal stops the walk at the last trusted hop: no name is ever
 * resolved (no DNS at a request), and garbage never becomes someone's address.
 */
public final class TrustedProxies {

    /** Trusts no one. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    /** Hops read from the right at most: a longer header was mostly written by the client. */
    private static final int MAX_HOPS = 100;

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * Reads the configured list. Throws {@link IllegalArgumentException} naming the first entry that
     * is neither an address nor a range (a typo must stop the start-up, not trust too much or too little).
     */
    public static TrustedProxies parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : configured.split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("not an address or a CIDR range: " + entry));
            int prefix = address.length * 8;
            if (slash >= 0) {
                String bits = entry.substring(slash + 1);
                if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > address.length * 8) {
                    throw new IllegalArgumentException("not a CIDR range: " + entry);
                }
                prefix = Integer.parseInt(bits);
            }
            ranges.add(new Range(address, prefix));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (a literal) is one of the trusted proxies. */
    public boolean trusts(String address) {
        return literal(address).map(this::trusts).orElse(false);
    }

    private boolean trusts(byte[] address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /**
     * The client's address: {@code peer} (the connection's other end) unless it is trusted, then
     * the right-most untrusted address of the {@code forwardedFor} headers (in the order received).
     * If every address is trusted, the left-most one (a client inside the trusted network).
     */
    public String client(String peer, List<String> forwardedFor) {
        if (ranges.isEmpty() || peer == null) {
            return peer;
        }
        Optional<byte[]> peerAddress = literal(peer);
        if (peerAddress.isEmpty() || !trusts(peerAddress.get())) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        if (forwardedFor != null) {
            for (String header : forwardedFor) {
                if (header != null) {
                    for (String hop : header.split(",", -1)) {
                        hops.add(hop.strip());
                    }
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= Math.max(0, hops.size() - MAX_HOPS); i--) {
            Optional<byte[]> hop = literal(stripPort(hops.get(i)));
            if (hop.isEmpty()) {
                return client;
            }
            client = canonical(hop.get());
            if (!trusts(hop.get())) {
                return client;
            }
        }
        return client;
    }

    /** {@code 203.0.113.7:51234} and {@code [2001:db8::1]:443} (some proxies add the port) lose it. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') >= 0) {
            return hop.substring(0, colon);
        }
        return hop;
    }

    /**
     * The bytes of an IPv4 (four decimal parts only) or IPv6 literal, never a name (no DNS);
     * an IPv4-mapped IPv6 address is its IPv4 address.
     */
    static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (candidate.isEmpty() || candidate.length() > 64) {
            return Optional.empty();
        }
        String literal;
        if (IPV4.matcher(candidate).matches()) {
            for (String part : candidate.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
            literal = candidate;
        } else if (candidate.contains(":") && IPV6.matcher(candidate).matches()) {
            // In brackets, an invalid IPv6 literal is refused by the parser, never looked up as a name.
            literal = "[" + candidate + "]";
        } else {
            return Optional.empty();
        }
        try {
            // A valid literal is parsed, not resolved; an IPv4-mapped IPv6 address comes back as IPv4.
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String canonical(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
