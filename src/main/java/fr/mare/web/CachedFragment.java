package fr.mare.web;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <mare:cachedFragment key="…" disabled="…">}: its children's markup, kept in the
 * {@link FragmentCache} under {@code key} the first time it is rendered and written as kept the
 * next times (ADR 0038). The children stay in the component tree, so a postback decodes them as
 * always; only their rendering is skipped. A {@code <mare:viewState/>} inside is written anew each
 * time: the kept markup is cut around it.
 * <p>
 * The key must be a value holding everything the children's markup is made of (a record, see
 * {@code ThreadItem.fragmentKey}); the component adds the view's id and the form's address (the
 * request URI with its query string) to it. A key that keeps text alive on its own (a post's
 * HTML) says how much ({@link FragmentCache.Sized}), so that the cache's bound counts it. With
 * {@code disabled} (a form open inside, a postback) or without a key, the children render as
 * usual and nothing is kept.
 */
@FacesComponent(CachedFragment.TYPE)
public class CachedFragment extends UIComponentBase {

    public static final String TYPE = "fr.mare.CachedFragment";

    /** While the children are rendered into a fragment: where its view state fields cut it. */
    private static final String CAPTURE = "fr.mare.fragment.capture";

    /** The key as kept: the view's, the address's and the page's own. */
    private record Scoped(String viewId, String action, Object key) {
    }

    /** Markup being captured, and the places where a view state field goes. */
    static final class Capture {
        private final StringWriter buffer = new StringWriter(4096);
        private final List<Integer> holes = new ArrayList<>(2);

        void viewStateHere() {
            holes.add(buffer.getBuffer().length());
        }

        String[] parts() {
            String markup = buffer.toString();
            String[] parts = new String[holes.size() + 1];
            int from = 0;
            for (int i = 0; i < holes.size(); i++) {
                parts[i] = markup.substring(from, holes.get(i));
                from = holes.get(i);
            }
            parts[holes.size()] = markup.substring(from);
            return parts;
        }
    }

    @Override
    public String getFamily() {
        return "fr.mare";
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    /** The capture under way in this request, if a fragment is being rendered (for {@link ViewStateField}). */
    static Capture capturing(FacesContext context) {
        return (Capture) context.getAttributes().get(CAPTURE);
    }

    @Override
    public void encodeChildren(FacesContext context) throws IOException {
        FragmentCache cache = FragmentCache.instance();
        Object key = getAttributes().get("key");
        if (key == null || Boolean.TRUE.equals(getAttributes().get("disabled")) || !cache.isEnabled()
                || capturing(context) != null) {
            renderChildren(context);
            return;
        }
        Scoped scoped = new Scoped(context.getViewRoot().getViewId(), RowForms.action(), key);
        FragmentCache.Fragment fragment = cache.get(scoped);
        if (fragment == null) {
            fragment = cache.put(scoped, capture(context), key instanceof FragmentCache.Sized sized ? sized.chars() : 0);
        }
        write(context, fragment.parts());
    }

    private void renderChildren(FacesContext context) throws IOException {
        for (UIComponent child : getChildren()) {
            child.encodeAll(context);
        }
    }

    /** The children's markup, rendered into a buffer by a clone of the page's writer. */
    private String[] capture(FacesContext context) throws IOException {
        ResponseWriter page = context.getResponseWriter();
        page.write(""); // closes a start tag the page may have left open, outside the fragment
        Capture capture = new Capture();
        ResponseWriter buffered = page.cloneWithWriter(capture.buffer);
        context.setResponseWriter(buffered);
        context.getAttributes().put(CAPTURE, capture);
        try {
            renderChildren(context);
            buffered.flush();
        } finally {
            context.setResponseWriter(page);
            context.getAttributes().remove(CAPTURE);
        }
        return capture.parts();
    }

    private static void write(FacesContext context, String[] parts) throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                context.getApplication().getViewHandler().writeState(context);
            }
            writer.write(parts[i]);
        }
    }
}
