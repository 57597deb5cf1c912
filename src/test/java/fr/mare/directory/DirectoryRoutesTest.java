package fr.mare.directory;

import org.junit.jupiter.api.Test;

import static fr.mare.directory.web.DirectoryRouterBacking.route;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DirectoryRoutesTest {

    @Test
    void pathsChooseTheirFragment() {
        assertEquals("index", route(null, null, null));
        assertEquals("edit", route("nouveau", null, null));
        assertEquals("page", route("amap-du-plateau", null, null));
        assertEquals("edit", route("amap-du-plateau", "modifier", null));
    }

    @Test
    void anythingElseIsNotFound() {
        assertEquals("not-found", route("amap-du-plateau", "historique", null));
        assertEquals("not-found", route("amap-du-plateau", "modifier", "encore"));
        assertEquals("not-found", route("nouveau", "modifier", null));
        assertEquals("not-found", route("export", null, null));
    }
}
