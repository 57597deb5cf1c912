package fr.mare.directory.web;

import fr.mare.directory.Apps;
import fr.mare.directory.Direction;
import fr.mare.directory.DirectorySearchService;
import fr.mare.directory.DirectoryService;
import fr.mare.directory.Regions;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.temporal.ChronoUnit;

/**
 * {@code /voisins.json}: the public profiles of every collective, for other directories (format
 * in docs/architecture.md, « Voisins de service »). Only what the profile pages show publicly:
 * no member, no e-mail address.
 */
@WebServlet(name = "directory-export", urlPatterns = "/voisins.json")
public class DirectoryExportServlet extends HttpServlet {

    static final int FORMAT_VERSION = 1;

    @Inject
    private DirectoryService directory;

    @Inject
    private DirectorySearchService search;

    @Inject
    @ConfigProperty(name = "mare.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Access-Control-Allow-Origin", "*");
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        try (JsonGenerator json = Json.createGenerator(response.getWriter())) {
            json.writeStartObject();
            json.write("version", FORMAT_VERSION);
            json.writeStartArray("collectives");
            for (DirectorySearchService.Profile p : search.profiles()) {
                var c = p.collective();
                json.writeStartObject();
                json.write("slug", c.getSlug());
                json.write("name", c.getName());
                json.write("url", base + "/voisins/" + c.getSlug());
                json.write("kind", c.getKind().name());
                json.write("region", c.getRegion());
                json.write("regionName", Regions.name(c.getRegion()));
                json.write("size", c.getSizeBand());
                if (c.getWebsite() == null) {
                    json.writeNull("website");
                } else {
                    json.write("website", c.getWebsite());
                }
                json.write("presentationMarkdown", c.getPresentationMarkdown());
                json.write("presentationHtml", c.getPresentationHtml());
                json.writeStartArray("apps");
                for (String app : p.apps()) {
                    json.writeStartObject().write("code", app).write("name", Apps.name(app)).writeEnd();
                }
                json.writeEnd();
                for (Direction d : Direction.values()) {
                    json.writeStartArray(d == Direction.CAN_HELP ? "canHelp" : "seeksHelp");
                    for (DirectoryService.Declared e : p.expertise()) {
                        if (e.direction() == d) {
                            json.writeStartObject().write("area", e.area().getSlug()).write("name", e.area().getName())
                                    .write("note", e.note()).writeEnd();
                        }
                    }
                    json.writeEnd();
                }
                json.write("updatedAt", c.getUpdatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
                json.writeEnd();
            }
            json.writeEnd();
            json.writeEnd();
        }
    }
}
