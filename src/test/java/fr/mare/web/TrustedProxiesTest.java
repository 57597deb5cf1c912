package fr.mare.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's address behind proxies (issue #17, ADR 0036): what {@code X-Forwarded-For} may and may not say. */
class TrustedProxiesTest {

    private static final TrustedProxies LOCAL = TrustedProxies.parse("127.0.0.1, ::1");

    @Test
    void trustingNoOneIsTheDefaultAndTheHeaderIsIgnored() {
        assertTrue(TrustedProxies.parse(null).isEmpty());
        assertTrue(TrustedProxies.parse("  ").isEmpty());
        assertEquals("127.0.0.1", TrustedProxies.NONE.client("127.0.0.1", List.of("203.0.113.7")));
    }

    @Test
    void aTrustedProxyGivesTheAddressItAppended() {
        assertEquals("203.0.113.7", LOCAL.client("127.0.0.1", List.of("203.0.113.7")));
        assertEquals("203.0.113.7", LOCAL.client("0:0:0:0:0:0:0:1", List.of("203.0.113.7")), "Payara's spelling of ::1");
        assertEquals("127.0.0.1", LOCAL.client("127.0.0.1", List.of()), "no header: the proxy itself");
    }

    @Test
    void aSpoofedHeaderFromAnUntrustedPeerIsNeverRead() {
        assertEquals("198.51.100.9", LOCAL.client("198.51.100.9", List.of("127.0.0.1")));
        assertEquals("198.51.100.9", LOCAL.client("198.51.100.9", List.of("203.0.113.7, 10.0.0.1")));
    }

    @Test
    void whatTheClientWroteLeftOfItsAddressIsIgnored() {
        // nginx's $proxy_add_x_forwarded_for: the client's own header, then the address nginx saw.
        assertEquals("198.51.100.9", LOCAL.client("127.0.0.1", List.of("1.2.3.4, 127.0.0.1, 198.51.100.9")),
                "a client pretending to be behind the proxy, or to be someone else");
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedFromTheRight() {
        TrustedProxies chain = TrustedProxies.parse("10.0.0.0/8,127.0.0.1");
        assertEquals("203.0.113.7", chain.client("127.0.0.1", List.of("203.0.113.7, 10.1.2.3, 10.200.0.1")));
        assertEquals("203.0.113.7", chain.client("127.0.0.1", List.of("203.0.113.7", "10.1.2.3")), "two headers are one list");
        assertEquals("10.1.2.3", chain.client("127.0.0.1", List.of("10.1.2.3, 10.200.0.1")),
                "all trusted: the left-most, a client inside the trusted network");
    }

    @Test
    void rangesMatchOnTheirBitsOnly() {
        TrustedProxies ranges = TrustedProxies.parse("192.168.16.0/20 2001:db8:ab00::/40");
        assertTrue(ranges.trusts("192.168.31.255"));
        assertFalse(ranges.trusts("192.168.32.0"));
        assertTrue(ranges.trusts("2001:db8:abff::1"));
        assertFalse(ranges.trusts("2001:db8:ac00::1"));
        assertFalse(ranges.trusts("10.0.0.1"));
        assertTrue(TrustedProxies.parse("0.0.0.0/0").trusts("8.8.8.8"));
    }

    @Test
    void ipv6AddressesInAnySpelling() {
        TrustedProxies v6 = TrustedProxies.parse("fd00::/8");
        assertEquals("2001:db8:0:0:0:0:0:1", v6.client("fd12::5", List.of("2001:db8::1")));
        assertEquals("2001:db8:0:0:0:0:0:1", v6.client("fd12:0:0:0:0:0:0:5", List.of("[2001:db8::1]:443")), "bracketed with a port");
        assertEquals("203.0.113.7", v6.client("fd12::5", List.of("::ffff:203.0.113.7")), "IPv4-mapped is the IPv4 address");
        assertEquals("203.0.113.7", v6.client("fd12::5", List.of("203.0.113.7:51234")), "an IPv4 address with its port");
        assertTrue(TrustedProxies.parse("::ffff:127.0.0.1").trusts("127.0.0.1"));
    }

    @Test
    void malformedEntriesStopAtTheLastTrustedHop() {
        assertEquals("127.0.0.1", LOCAL.client("127.0.0.1", List.of("pas-une-adresse")));
        assertEquals("127.0.0.1", LOCAL.client("127.0.0.1", List.of("unknown")));
        assertEquals("127.0.0.1", LOCAL.client("127.0.0.1", List.of("")), "an empty header");
        assertEquals("127.0.0.1", LOCAL.client("127.0.0.1", List.of("300.1.1.1")));
        assertEquals("127.0.0.1", LOCAL.client("127.0.0.1", List.of("1.2.3")), "no legacy short forms");
        assertEquals("127.0.0.1", LOCAL.client("127.0.0.1", List.of("::::::g")));
        assertEquals("127.0.0.1", LOCAL.client("127.0.0.1", List.of("example.org")), "never a name to resolve");
        assertEquals("198.51.100.9", LOCAL.client("127.0.0.1", List.of("garbage, 198.51.100.9")), "garbage left of the client is not read");
        assertEquals("127.0.0.1", LOCAL.client("127.0.0.1", List.of("198.51.100.9,")), "a trailing comma is an empty hop");
    }

    @Test
    void anOverlongHeaderIsReadFromItsRightEndOnly() {
        String longHeader = "127.0.0.1, ".repeat(500) + "198.51.100.9";
        assertEquals("198.51.100.9", LOCAL.client("127.0.0.1", List.of(longHeader)));
        assertEquals("127.0.0.1", LOCAL.client("127.0.0.1", List.of("198.51.100.9, " + "127.0.0.1, ".repeat(200) + "127.0.0.1")),
                "past 100 trusted hops, the walk stops");
    }

    @Test
    void aTypoInTheConfigurationStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("127.0.0.1, localhost"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("fd00::/129"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.256"));
    }
}
