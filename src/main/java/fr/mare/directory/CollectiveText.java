package fr.mare.directory;

import java.util.List;

/**
 * What search indexes of a collective everyone reads (#12, {@link DirectoryVisibility#LISTED}):
 * its name, presentation, and expertise (area names with the collective's own notes).
 */
public record CollectiveText(long id, String slug, String name, String presentationHtml, List<String> expertise,
                             String regionName) {
}
