package borderwatch.province;

/**
 * A group of goods the province counts trade by, as its own reports do: fruit and vegetables, other
 * farm produce, other goods. The groups are configuration (the gates file); reports name them by id.
 */
public record GoodsGroup(String id, String nameVi, String nameEn) {

    public GoodsGroup {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("a goods group id must be a lowercase slug: " + id);
        }
    }
}
