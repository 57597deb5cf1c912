package fr.mare.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RegistrationsPerAddressTest {

    @Test
    void ipv4CountsWhole() {
        assertEquals("203.0.113.7", RegistrationsPerAddress.network("203.0.113.7"));
        assertNotEquals(RegistrationsPerAddress.network("203.0.113.7"), RegistrationsPerAddress.network("203.0.113.8"));
    }

    @Test
    void ipv6CountsByItsSlash64WhateverItsSpelling() {
        String one = RegistrationsPerAddress.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertEquals(one, RegistrationsPerAddress.network("2001:0db8:0001:0002::1"), "one /64, one person");
        assertEquals(one, RegistrationsPerAddress.network("[2001:db8:1:2::ffff]"));
        assertNotEquals(one, RegistrationsPerAddress.network("2001:db8:1:3::1"), "another /64");
        assertEquals("2001:db8:1:2:0:0:0:0/64", one);
    }

    @Test
    void somethingUnparsableIsCountedAsGiven() {
        assertEquals("pas:une:adresse", RegistrationsPerAddress.network("pas:une:adresse"));
    }
}
