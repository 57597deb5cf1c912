package fr.mare.moderation;

import fr.mare.account.Caller;
import fr.mare.media.MediaService;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/**
 * An uploaded image (#15, ADR 0020): hidden or restored by itself, wherever it appears (a hidden
 * post already hides its images; this is for an image that must go from every content, or whose
 * bytes must not be sent again). Its « author » is its uploader. Moderators reach it from the
 * page of a content that shows it ({@code /moderation/cible?cible=post:…} lists its images).
 */
@ApplicationScoped
class ImageTarget implements ModerationTarget {

    @Inject
    private MediaService media;

    @Override
    public String type() {
        return "image";
    }

    @Override
    public Optional<TargetView> find(long id) {
        return media.byId(id).map(image -> {
            String shown = image.getDisplayName() == null ? image.getName() : image.getDisplayName();
            int width = image.getDisplayWidth() == null ? image.getWidth() : image.getDisplayWidth();
            int height = image.getDisplayHeight() == null ? image.getHeight() : image.getDisplayHeight();
            // Built here from stored numbers and a hash-only name: nothing typed by a member.
            String html = "<p><img src=\"" + MediaService.PATH + shown + "\" alt=\"\" width=\"" + width + "\" height=\"" + height
                    + "\" loading=\"lazy\"></p>";
            return new TargetView(type(), id, "Image " + image.getName() + " (" + image.getWidth() + " × " + image.getHeight() + ")",
                    html, null, image.getOwnerId(), MediaService.PATH + image.getName(), image.isHidden(),
                    image.getModeration().getHiddenReason(), false, false,
                    Set.of(image.isHidden() ? ActionKind.RESTORE : ActionKind.HIDE));
        });
    }

    @Override
    public boolean readableBy(Caller me, long id) {
        return media.byId(id).flatMap(image -> media.open(me, image.getName())).isPresent();
    }

    @Override
    public Change apply(Caller me, long id, ActionKind action, String reason, String parameter) {
        switch (action) {
            case HIDE -> media.hide(me, id, reason);
            case RESTORE -> media.restore(me, id);
            default -> throw new BusinessException("moderation.action.unsupported", null);
        }
        return Change.NONE;
    }
}
