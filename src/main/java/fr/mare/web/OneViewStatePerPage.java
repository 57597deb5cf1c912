package fr.mare.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitFactory;
import jakarta.faces.render.RenderKitWrapper;
import jakarta.faces.render.ResponseStateManager;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * One view state per page (issue #17, ADR 0032). With the state in the page (client-side state
 * saving), Mojarra serializes, compresses and encrypts the view again for each form: a thread page
 * of 50 posts (one light form each, ADR 0024) carried 53 different states of 2.5 kB (+133 kB, and
 * the member's page took about four times as long). The page's forms all send the same view: its
 * first state field is written again in the others, so the page pays for one state, and its
 * repetitions compress away. Registered in faces-config.xml as the render kit factory's wrapper.
 */
public final class OneViewStatePerPage extends RenderKitFactory {

    private static final String WRITTEN = "fr.mare.viewState.written";
    /** Mojarra numbers each field's id (j_id1:jakarta.faces.ViewState:0, :1…): a repeated one would repeat an id. */
    private static final Pattern ID = Pattern.compile(" id=\"[^\"]*\"");

    public OneViewStatePerPage(RenderKitFactory wrapped) {
        super(wrapped);
    }

    @Override
    public void addRenderKit(String renderKitId, RenderKit renderKit) {
        getWrapped().addRenderKit(renderKitId, renderKit);
    }

    @Override
    public RenderKit getRenderKit(FacesContext context, String renderKitId) {
        RenderKit kit = getWrapped().getRenderKit(context, renderKitId);
        return kit == null ? null : new Kit(kit);
    }

    @Override
    public Iterator<String> getRenderKitIds() {
        return getWrapped().getRenderKitIds();
    }

    private static final class Kit extends RenderKitWrapper {

        Kit(RenderKit wrapped) {
            super(wrapped);
        }

        @Override
        public ResponseStateManager getResponseStateManager() {
            return new States(getWrapped().getResponseStateManager());
        }
    }

    /** Mojarra's response state manager, but for its writing (Faces has no wrapper class for it). */
    private static final class States extends ResponseStateManager {

        private final ResponseStateManager wrapped;

        States(ResponseStateManager wrapped) {
            this.wrapped = wrapped;
        }

        @Override
        public boolean isStateless(FacesContext context, String viewId) {
            return wrapped.isStateless(context, viewId);
        }

        @Override
        public Object getState(FacesContext context, String viewId) {
            return wrapped.getState(context, viewId);
        }

        @Override
        public boolean isPostback(FacesContext context) {
            return wrapped.isPostback(context);
        }

        @Override
        public String getViewState(FacesContext context, Object state) {
            return wrapped.getViewState(context, state);
        }

        @Override
        public String getCryptographicallyStrongTokenFromSession(FacesContext context) {
            return wrapped.getCryptographicallyStrongTokenFromSession(context);
        }

        @Override
        public void writeState(FacesContext context, Object state) throws IOException {
            if (context.getViewRoot() == null || context.getViewRoot().isTransient() || context.getPartialViewContext().isPartialRequest()) {
                wrapped.writeState(context, state);
                return;
            }
            String field = (String) context.getAttributes().get(WRITTEN);
            if (field == null) {
                ResponseWriter page = context.getResponseWriter();
                StringWriter buffer = new StringWriter();
                context.setResponseWriter(page.cloneWithWriter(buffer));
                try {
                    wrapped.writeState(context, state);
                } finally {
                    context.setResponseWriter(page);
                }
                field = ID.matcher(buffer.toString()).replaceAll("");
                context.getAttributes().put(WRITTEN, field);
            }
            context.getResponseWriter().write(field);
        }
    }
}
