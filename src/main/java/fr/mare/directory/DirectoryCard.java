package fr.mare.directory;

/**
 * A collective as the directory lists it: only what a result shows (read as a projection, so the
 * directory never loads 2,000 full profiles, presentations included, to list a few dozen).
 */
public final class DirectoryCard {

    private final long id;
    private final String slug;
    private final String name;
    private final String region;

    public DirectoryCard(long id, String slug, String name, String region) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.region = region;
    }

    public long getId() { return id; }
    public String getSlug() { return slug; }
    public String getName() { return name; }
    public String getRegion() { return region; }
    public String getRegionName() { return Regions.name(region); }
}
