package fr.mare.notification.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NotificationOpenServletTest {

    @Test
    void theLinkCarriesItsTargetReadablyAndKeepsItsFragmentOutside() {
        assertEquals("/notifications/lu?id=7&vers=/t/5/un-sujet?message=12", NotificationOpenServlet.link(7, "/t/5/un-sujet?message=12"));
        assertEquals("/notifications/lu?id=8&vers=/voisins/jardin#invitation-box", NotificationOpenServlet.link(8, "/voisins/jardin#invitation-box"));
        assertEquals("/notifications/lu?id=9&vers=/recherche?q=a%26b%2Bc%20d", NotificationOpenServlet.link(9, "/recherche?q=a&b+c d"));
    }

    @Test
    void onlyAPathOfThisSiteIsFollowed() {
        assertEquals("/t/5/x?message=1", NotificationOpenServlet.target("/t/5/x?message=1"));
        for (String elsewhere : new String[] {null, "", "https://ailleurs.example/", "//ailleurs.example/x", "/\\ailleurs.example",
                "t/5", "/t/5\r\nSet-Cookie: x=1"}) {
            assertEquals("/notifications", NotificationOpenServlet.target(elsewhere), String.valueOf(elsewhere));
        }
    }
}
