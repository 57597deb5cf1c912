package fr.mare.directory.contact.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContactRouterBackingTest {

    @Test
    void pathsPickTheirFragment() {
        assertEquals("list", ContactRouterBacking.route(null, null));
        assertEquals("new", ContactRouterBacking.route("nouveau", null));
        assertEquals("conversation", ContactRouterBacking.route("42", null));
        assertEquals("not-found", ContactRouterBacking.route("042", null));
        assertEquals("not-found", ContactRouterBacking.route("abc", null));
        assertEquals("not-found", ContactRouterBacking.route("42", "autre"));
        assertEquals("not-found", ContactRouterBacking.route("9999999999999999999999", null), "no overflow");
    }
}
