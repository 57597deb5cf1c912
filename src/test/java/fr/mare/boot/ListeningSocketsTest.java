package fr.mare.boot;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /proc reader that LauncherIT trusts to find what Mare listens on. */
class ListeningSocketsTest {

    @Test
    void readsLinuxAddresses() throws Exception {
        assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8080), ListeningSockets.address("0100007F:1F90"));
        assertEquals(new InetSocketAddress(InetAddress.getByName("::"), 5701),
                ListeningSockets.address("00000000000000000000000000000000:1645"));
        assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), 80),
                ListeningSockets.address("00000000000000000000000001000000:0050"));
        assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80),
                ListeningSockets.address("0000000000000000FFFF00000100007F:0050"), "IPv4 mapped in IPv6");
    }

    @Test
    void findsThisProcesssSockets() throws Exception {
        long pid = ProcessHandle.current().pid();
        try (ServerSocket loopback = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket everywhere = new ServerSocket(0)) {
            assertTrue(ListeningSockets.of(pid).stream().anyMatch(a -> a.getPort() == loopback.getLocalPort()));
            assertFalse(ListeningSockets.reachable(pid).stream().anyMatch(a -> a.getPort() == loopback.getLocalPort()));
            assertTrue(ListeningSockets.reachable(pid).stream().anyMatch(a -> a.getPort() == everywhere.getLocalPort()));
        }
    }
}
