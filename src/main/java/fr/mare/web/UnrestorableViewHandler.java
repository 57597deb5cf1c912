package fr.mare.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;

import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A postback whose view state cannot be restored onto the posted page answers like an expired
 * form (400, the typed text shown again), not 500. Mojarra accepts a view state of the session
 * issued for <em>another</em> page, then fails while applying it to this page's components
 * ({@code UIComponentBase.restoreState}); only a forged or replayed request does that, so it is
 * neither an incident nor worth a stack trace in the log. Found by {@code AuthorizationIT}.
 */
public class UnrestorableViewHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(UnrestorableViewHandler.class.getName());

    public UnrestorableViewHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null && context.getCurrentPhaseId() == PhaseId.RESTORE_VIEW && context.isPostback()) {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable thrown = events.next().getContext().getException();
                if (thrownByStateRestoration(getRootCause(thrown))) {
                    events.remove();
                    String viewId = context.getExternalContext().getRequestServletPath();
                    LOG.info(() -> "View state not restorable on " + viewId + " (forged or replayed form): " + getRootCause(thrown));
                    throw new FacesException(new ViewExpiredException("View state not restorable on this page", viewId));
                }
            }
        }
        getWrapped().handle();
    }

    /**
     * Only a failure inside a component's {@code restoreState}: anything else during the restore
     * phase (a database outage while the page is rebuilt…) keeps its own error page.
     */
    static boolean thrownByStateRestoration(Throwable root) {
        if (root == null || root instanceof ViewExpiredException) {
            return false;
        }
        if (root.getStackTrace().length == 0) {
            // After many such failures, HotSpot throws its preallocated ArrayIndexOutOfBounds,
            // ClassCast… without a stack trace (OmitStackTraceInFastThrow): these implicit
            // exceptions during a postback's restore are the same failure; a database outage
            // arrives as a PersistenceException, which always has its trace.
            return root instanceof IndexOutOfBoundsException || root instanceof ClassCastException
                    || root instanceof NullPointerException;
        }
        for (StackTraceElement frame : root.getStackTrace()) {
            if (frame.getMethodName().equals("restoreState")) {
                return true;
            }
        }
        return false;
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new UnrestorableViewHandler(getWrapped().getExceptionHandler());
        }
    }
}
