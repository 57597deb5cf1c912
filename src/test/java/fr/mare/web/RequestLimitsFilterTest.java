package fr.mare.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestLimitsFilterTest {

    @Test
    void controlCharactersAreRemovedButLineBreaksAndTabsStay() {
        assertEquals("Sujet cassé", RequestLimitsFilter.withoutControlCharacters("Sujet\u0000 cass\u001bé"));
        assertEquals("ligne 1\r\nligne\t2", RequestLimitsFilter.withoutControlCharacters("ligne 1\r\nligne\t2\u007f"));
        assertEquals("", RequestLimitsFilter.withoutControlCharacters("\u0001\u0002\u0003"));
        String clean = "Rien à enlever : « ça va » 🙂";
        assertSame(clean, RequestLimitsFilter.withoutControlCharacters(clean), "no copy when nothing changes");
    }

    @Test
    void aViewStateInTheQueryIsAGetPostback() {
        assertTrue(RequestLimitsFilter.carriesViewState("jakarta.faces.ViewState=123:456&form=form"));
        assertTrue(RequestLimitsFilter.carriesViewState("a=1&jakarta.faces.%56iewState=x"));
        assertFalse(RequestLimitsFilter.carriesViewState("page=2"));
        assertFalse(RequestLimitsFilter.carriesViewState(null));
        assertFalse(RequestLimitsFilter.carriesViewState("q=%zz&x=%"), "a malformed escape is no view state, and no error");
    }
}
