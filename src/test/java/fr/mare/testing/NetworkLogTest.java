package fr.mare.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NetworkLogTest {

    @Test
    void onlyTheLoopbackIsMaresOwn() {
        assertEquals(List.of(), NetworkLog.elsewhere(List.of("http://127.0.0.1:8080/", "http://localhost:8080/resources/css/mare.css",
                "http://[::1]:8080/x", "data:image/png;base64,AAAA", "about:blank", "blob:http://127.0.0.1:8080/1",
                "chrome://new-tab-page-third-party/")));
        List<String> others = List.of("https://fonts.googleapis.com/css?family=x", "http://127.0.0.1.nip.io/", "//cdn.example/x.js",
                "http://user@example.org:8080/", "wss://127.0.0.2/", "pas une adresse");
        assertEquals(others, NetworkLog.elsewhere(others));
    }
}
