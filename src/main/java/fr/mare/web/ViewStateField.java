package fr.mare.web;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;

import java.io.IOException;

/**
 * {@code <mare:viewState/>}: the view's state field, as {@code h:form} writes it, inside a plain
 * HTML {@code <form>} whose fields name a Faces form of the same view (#11). A thread page gives
 * each of its posts a light form of its own (the post's id and its buttons) whose buttons a single
 * Faces form decodes: fifty {@code h:form}s cost more than the rest of the page. The field is the
 * same server-side view state, so such a form is checked exactly like a Faces one (CSRF).
 */
@FacesComponent(ViewStateField.TYPE)
public class ViewStateField extends UIComponentBase {

    public static final String TYPE = "fr.mare.ViewStateField";

    @Override
    public String getFamily() {
        return "fr.mare";
    }

    @Override
    public void encodeEnd(FacesContext context) throws IOException {
        CachedFragment.Capture capture = CachedFragment.capturing(context);
        if (capture != null) {
            context.getResponseWriter().write(""); // a start tag left open ends before the cut
            capture.viewStateHere(); // a kept fragment gets the page's state each time it is written
            return;
        }
        context.getApplication().getViewHandler().writeState(context);
    }
}
