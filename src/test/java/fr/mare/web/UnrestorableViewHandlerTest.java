package fr.mare.web;

import jakarta.faces.application.ViewExpiredException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnrestorableViewHandlerTest {

    private static RuntimeException thrownAt(String method) {
        RuntimeException e = new ArrayIndexOutOfBoundsException("Index 2 out of bounds for length 2");
        e.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("jakarta.faces.component.UIComponentBase", method, "UIComponentBase.java", 1222),
                new StackTraceElement("com.sun.faces.application.view.FaceletPartialStateManagementStrategy", "restoreView", null, 357)});
        return e;
    }

    @Test
    void aFailureWhileRestoringAComponentsStateIsAnUnrestorableView() {
        assertTrue(UnrestorableViewHandler.thrownByStateRestoration(thrownAt("restoreState")));
    }

    @Test
    void theJvmsTracelessFastThrowIsTheSameFailure() {
        RuntimeException fast = new ArrayIndexOutOfBoundsException();
        fast.setStackTrace(new StackTraceElement[0]);
        assertTrue(UnrestorableViewHandler.thrownByStateRestoration(fast), "HotSpot's preallocated exception, after many replays");
        RuntimeException other = new IllegalStateException("base injoignable");
        other.setStackTrace(new StackTraceElement[0]);
        assertFalse(UnrestorableViewHandler.thrownByStateRestoration(other), "only the JVM's implicit exceptions");
    }

    @Test
    void otherFailuresKeepTheirOwnErrorPage() {
        assertFalse(UnrestorableViewHandler.thrownByStateRestoration(thrownAt("getValue")), "e.g. a database outage while rebuilding");
        assertFalse(UnrestorableViewHandler.thrownByStateRestoration(new ViewExpiredException("expired", "/t.xhtml")));
        assertFalse(UnrestorableViewHandler.thrownByStateRestoration(null));
    }
}
