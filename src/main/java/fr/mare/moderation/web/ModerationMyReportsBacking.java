package fr.mare.moderation.web;

import fr.mare.account.Caller;
import fr.mare.moderation.ModerationService;
import fr.mare.moderation.Report;
import fr.mare.moderation.TargetKey;
import fr.mare.moderation.TargetView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /moderation/mes-signalements}: a member's own reports and what became of them. */
@Named
@RequestScoped
public class ModerationMyReportsBacking {

    /** A report with its target as it is now (null when the target is gone). */
    public record Row(Report report, TargetView target) {
    }

    @Inject
    private ModerationService moderation;

    @Inject
    private Caller caller;

    private List<Row> rows;

    public List<Row> getRows() {
        if (rows == null) {
            List<Report> reports = moderation.myReports(caller);
            Set<TargetKey> keys = new LinkedHashSet<>();
            reports.forEach(r -> keys.add(new TargetKey(r.getTargetType(), r.getTargetId())));
            Map<String, TargetView> views = moderation.views(keys);
            rows = reports.stream().map(r -> new Row(r, views.get(r.getTargetType() + ":" + r.getTargetId()))).toList();
        }
        return rows;
    }
}
