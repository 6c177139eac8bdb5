package borderwatch.province;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A province as BorderWatch knows it: its name, time zone and gates, read from one JSON file (the
 * gates file). Another province is another file; the
 * default, Lạng Sơn, ships inside the jar.
 */
public final class Province {

    public static final String DEFAULT_RESOURCE = "/gates/lang-son.json";

    private final String provinceId;
    private final String provinceVi;
    private final String provinceEn;
    private final ZoneId zone;
    private final Map<String, GateConfig> byId;
    private final List<GateConfig> ordered;
    private final List<GoodsGroup> goods;
    private final String watchedGoods;
    private Map<String, JsonNode> sections = Map.of();
    private Map<String, GateHours> hours = Map.of();
    private Map<String, Integer> alertWaitMinutes = Map.of();
    private List<Predecessor> predecessors = List.of();

    /** A province merged into this one from {@code from}: its history is this province's from then on. */
    public record Predecessor(String province, java.time.LocalDate from, String nameVi, String nameEn) {
    }

    public Province(String provinceId, String provinceVi, String provinceEn, ZoneId zone, List<GateConfig> gates) {
        this(provinceId, provinceVi, provinceEn, zone, gates, List.of(), null);
    }

    /**
     * {@code watchedGoods} is the group whose share of exports the board shows (Lạng Sơn: fruit and
     * vegetables); null for the first group.
     */
    public Province(String provinceId, String provinceVi, String provinceEn, ZoneId zone, List<GateConfig> gates,
                    List<GoodsGroup> goods, String watchedGoods) {
        this.goods = List.copyOf(goods);
        Set<String> groupIds = new LinkedHashSet<>();
        for (GoodsGroup g : goods) {
            if (!groupIds.add(g.id())) {
                throw new IllegalArgumentException("goods group '" + g.id() + "' appears twice");
            }
        }
        if (watchedGoods != null && !groupIds.contains(watchedGoods)) {
            throw new IllegalArgumentException("watchedGoods '" + watchedGoods + "' is not a goods group of the file");
        }
        this.watchedGoods = watchedGoods != null ? watchedGoods : goods.isEmpty() ? null : goods.get(0).id();
        for (GateConfig g : gates) {
            for (String group : g.exportGoods()) {
                if (!groupIds.contains(group)) {
                    throw new IllegalArgumentException("gate " + g.id() + " exports '" + group
                            + "', which is not a goods group of the file");
                }
            }
        }
        this.provinceId = provinceId;
        this.provinceVi = provinceVi;
        this.provinceEn = provinceEn;
        this.zone = zone;
        Map<String, GateConfig> map = new LinkedHashMap<>();
        for (GateConfig g : gates) {
            if (map.put(g.id(), g) != null) {
                throw new IllegalArgumentException("gate id '" + g.id() + "' appears twice");
            }
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException("a gates file needs at least one gate");
        }
        this.byId = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    public static Province defaults() {
        try (InputStream in = Province.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(new ObjectMapper().readTree(in), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The province files that ship inside the jar, by id: {@code lang-son}, {@code lai-chau}. */
    public static final List<String> BUNDLED = List.of("lang-son", "lai-chau");

    /** A province file shipped inside the jar ({@link #BUNDLED}). */
    public static Province bundled(String id) {
        if (!BUNDLED.contains(id)) {
            throw new IllegalArgumentException("no province '" + id + "' ships with BorderWatch (" + String.join(", ", BUNDLED)
                    + "); give the path of a gates file");
        }
        String resource = "/gates/" + id + ".json";
        try (InputStream in = Province.class.getResourceAsStream(resource)) {
            return parse(new ObjectMapper().readTree(in), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A gates file by path, or a province that ships with BorderWatch by its id ({@code lai-chau}) when
     * no file of that name exists.
     */
    public static Province fileOrBundled(Path file) {
        if (!Files.exists(file) && file.getNameCount() == 1 && BUNDLED.contains(file.toString())) {
            return bundled(file.toString());
        }
        return load(file);
    }

    /**
     * Refuses provinces that cannot share a node: the same province twice, or a gate id in two of them
     * (one line naming both files). {@code sources} names each province's file, in the same order.
     */
    public static void requireDistinct(List<Province> provinces, List<String> sources) {
        Map<String, String> provinceFiles = new LinkedHashMap<>();
        Map<String, String> gateFiles = new LinkedHashMap<>();
        for (int i = 0; i < provinces.size(); i++) {
            Province p = provinces.get(i);
            String source = sources.get(i);
            String before = provinceFiles.putIfAbsent(p.provinceId(), source);
            if (before != null) {
                throw new IllegalArgumentException("province '" + p.provinceId() + "' is in both " + before + " and " + source);
            }
            for (GateConfig g : p.all()) {
                String other = gateFiles.putIfAbsent(g.id(), source);
                if (other != null) {
                    throw new IllegalArgumentException("gate id '" + g.id() + "' is in both " + other + " and " + source
                            + "; gate ids must be unique across the provinces of a node");
                }
            }
        }
    }

    public static Province load(Path file) {
        try {
            return parse(new ObjectMapper().readTree(Files.readAllBytes(file)), file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("gates file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read gates file " + file + ": " + e.getMessage(), e);
        }
    }

    static Province parse(JsonNode root, String source) {
        JsonNode province = root.path("province");
        ZoneId provinceZone = zone(province.path("zone").asText("Asia/Ho_Chi_Minh"), source, "province.zone");
        List<GateConfig> gates = new ArrayList<>();
        Map<String, GateHours> hours = new LinkedHashMap<>();
        Map<String, Integer> waitLimits = new LinkedHashMap<>();
        List<GateHours.Holiday> holidays;
        try {
            holidays = GateHours.holidays(root.path("holidays"), "holidays");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        JsonNode list = root.path("gates");
        for (int i = 0; i < list.size(); i++) {
            JsonNode g = list.get(i);
            String where = "gates[" + i + "]";
            String id = required(g, "id", source, where);
            if (!id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException(source + ": " + where + ".id must be a lowercase slug: " + id);
            }
            // Aggregate ids share one namespace in an event store (plans are plan-<year>).
            if (id.startsWith("plan-") || id.startsWith("snapshot-") || id.startsWith("warnings-")) {
                throw new IllegalArgumentException(source + ": " + where + ".id must not start with plan-, snapshot- or "
                        + "warnings-: " + id);
            }
            GateKind kind;
            try {
                kind = GateKind.valueOf(required(g, "kind", source, where).toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + where + ".kind must be road or rail");
            }
            int clearance = positive(g, "clearancePerHour", source, where);
            int exportLane = g.has("exportPerHour") ? positive(g, "exportPerHour", source, where)
                                                    : GateConfig.defaultExportLane(clearance);
            Double exportShare = g.hasNonNull("exportShare") ? g.get("exportShare").asDouble() : null;
            try {
                gates.add(new GateConfig(id, required(g, "nameVi", source, where), required(g, "nameEn", source, where),
                        kind, zone(g.path("zone").asText(provinceZone.getId()), source, where + ".zone"),
                        clearance, positive(g, "yardCapacity", source, where),
                        levels(g.path("levels"), source, where), exportShare, exportLane, texts(g.path("exportGoods"))));
                hours.put(id, GateHours.parse(g.get("hours"), holidays, where + ".hours"));
                if (g.has("alertWaitMinutes")) {
                    JsonNode limit = g.get("alertWaitMinutes");
                    if (!limit.isIntegralNumber() || limit.asLong() < 15 || limit.asLong() > 7 * 24 * 60) {
                        throw new IllegalArgumentException(where + ".alertWaitMinutes must be a whole number of minutes "
                                + "from 15 to 10080");
                    }
                    waitLimits.put(id, limit.asInt());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + where + ": " + e.getMessage(), e);
            }
        }
        checkPlanEffects(gates, source);
        double shares = gates.stream().filter(g -> g.exportShare() != null).mapToDouble(GateConfig::exportShare).sum();
        if (shares > 1.000_001) {
            throw new IllegalArgumentException(source + ": the gates' exportShare values add up to more than 1");
        }
        List<GoodsGroup> goods = new ArrayList<>();
        JsonNode groups = root.path("goods");
        for (int i = 0; i < groups.size(); i++) {
            String where = "goods[" + i + "]";
            try {
                goods.add(new GoodsGroup(required(groups.get(i), "id", source, where),
                        required(groups.get(i), "nameVi", source, where), required(groups.get(i), "nameEn", source, where)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + where + ": " + e.getMessage(), e);
            }
        }
        try {
            Province p = new Province(province.path("id").asText("province"), province.path("nameVi").asText(""),
                    province.path("nameEn").asText(""), provinceZone, gates, goods,
                    root.path("watchedGoods").isTextual() ? root.path("watchedGoods").asText() : null);
            Map<String, JsonNode> other = new LinkedHashMap<>();
            root.fields().forEachRemaining(f -> {
                if (!Set.of("province", "gates", "goods", "watchedGoods", "holidays", "predecessors").contains(f.getKey())) {
                    other.put(f.getKey(), f.getValue().deepCopy());
                }
            });
            p.sections = Map.copyOf(other);
            p.hours = Map.copyOf(hours);
            p.alertWaitMinutes = Map.copyOf(waitLimits);
            p.predecessors = predecessors(root.path("predecessors"), p.provinceId);
            return p;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static List<Predecessor> predecessors(JsonNode list, String self) {
        if (list.isMissingNode()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("predecessors must be a list of {\"province\": id, \"from\": date}");
        }
        List<Predecessor> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String where = "predecessors[" + i + "]";
            String id = p.path("province").asText("");
            if (!id.matches("[a-z0-9][a-z0-9-]{0,39}") || id.equals(self)) {
                throw new IllegalArgumentException(where + ".province must be the id of another province: " + id);
            }
            try {
                out.add(new Predecessor(id, java.time.LocalDate.parse(p.path("from").asText("")),
                        p.path("nameVi").asText(id), p.path("nameEn").asText(id)));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(where + ".from must be a date such as 2025-07-01");
            }
        }
        return List.copyOf(out);
    }

    /** The provinces merged into this one, each from its date; empty for most. */
    public List<Predecessor> predecessors() {
        return predecessors;
    }

    private static LevelPolicy levels(JsonNode list, String source, String where) {
        List<LevelConfig> levels = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode l = list.get(i);
            String at = where + ".levels[" + i + "]";
            Integer raiseWaiting = l.hasNonNull("raiseAtWaiting") ? count(l, "raiseAtWaiting", 0, source, at) : null;
            // Boxed on both sides: a missing threshold stays null instead of failing to unbox.
            Integer clearWaiting = l.hasNonNull("clearBelowWaiting")
                    ? Integer.valueOf(count(l, "clearBelowWaiting", 0, source, at)) : raiseWaiting;
            Double raiseOccupancy = l.hasNonNull("raiseAtOccupancy") ? l.get("raiseAtOccupancy").asDouble() : null;
            Double clearOccupancy = l.hasNonNull("clearBelowOccupancy")
                    ? Double.valueOf(l.get("clearBelowOccupancy").asDouble()) : raiseOccupancy;
            if (raiseWaiting == null && raiseOccupancy == null) {
                throw new IllegalArgumentException(source + ": " + at + " needs raiseAtWaiting or raiseAtOccupancy");
            }
            if ((raiseWaiting != null && clearWaiting > raiseWaiting)
                    || (raiseOccupancy != null && clearOccupancy > raiseOccupancy)) {
                throw new IllegalArgumentException(source + ": " + at + " clear thresholds must not exceed raise thresholds");
            }
            List<String> actionsVi = texts(l.path("plan").path("actionsVi"));
            List<String> actionsEn = texts(l.path("plan").path("actionsEn"));
            if (actionsVi.size() != actionsEn.size()) {
                throw new IllegalArgumentException(source + ": " + at + ".plan needs as many actionsEn as actionsVi");
            }
            levels.add(new LevelConfig(i + 1, required(l, "id", source, at), required(l, "nameVi", source, at),
                    required(l, "nameEn", source, at), raiseWaiting, clearWaiting, raiseOccupancy, clearOccupancy,
                    actionsVi, actionsEn, effects(l.path("plan").path("effects"), source, at + ".plan.effects")));
        }
        return new LevelPolicy(levels);
    }

    private static ResponsePlanEffects effects(JsonNode e, String source, String where) {
        if (e.isMissingNode() || e.isNull()) {
            return ResponsePlanEffects.NONE;
        }
        try {
            return new ResponsePlanEffects(e.hasNonNull("divertExportsTo") ? e.get("divertExportsTo").asText() : null,
                    count(e, "divertExportPercent", 0, source, where), count(e, "extraCapacityPercent", 0, source, where),
                    count(e, "extraYard", 0, source, where), count(e, "holdInlandPercent", 0, source, where));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(source + ": " + where + ": " + ex.getMessage(), ex);
        }
    }

    private static void checkPlanEffects(List<GateConfig> gates, String source) {
        var ids = gates.stream().map(GateConfig::id).toList();
        for (GateConfig g : gates) {
            for (LevelConfig l : g.levels().levels()) {
                String target = l.effects().divertExportsTo();
                if (target != null && (!ids.contains(target) || target.equals(g.id()))) {
                    throw new IllegalArgumentException(source + ": " + g.id() + " level " + l.level()
                            + " diverts to '" + target + "', which is not another gate of the file");
                }
                if (target != null) {
                    GateConfig to = gates.get(ids.indexOf(target));
                    String refused = refusedByDiversion(g, to);
                    if (refused != null) {
                        throw new IllegalArgumentException(source + ": " + g.id() + " level " + l.level()
                                + " diverts exports to " + target + ", which may not export '" + refused + "'");
                    }
                }
            }
        }
    }

    /**
     * The first goods group {@code from} may export that {@code to} may not, or null: a diversion
     * moves the gate's exports as they come, so the gate diverted to must accept all of them.
     */
    public static String refusedByDiversion(GateConfig from, GateConfig to) {
        if (to.exportGoods().isEmpty()) {
            return null;
        }
        if (from.exportGoods().isEmpty()) {
            return "every goods group";
        }
        return from.exportGoods().stream().filter(group -> !to.mayExport(group)).findFirst().orElse(null);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String required(JsonNode g, String field, String source, String where) {
        String v = g.path(field).asText("");
        if (v.isBlank()) {
            throw new IllegalArgumentException(source + ": " + where + "." + field + " is required");
        }
        return v;
    }

    private static int positive(JsonNode g, String field, String source, String where) {
        JsonNode v = g.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() <= 0) {
            throw new IllegalArgumentException(source + ": " + where + "." + field + " must be a positive integer");
        }
        return v.intValue();
    }

    /** A whole number of at least 0 that fits an int, or {@code fallback} when absent; never narrowed silently. */
    private static int count(JsonNode g, String field, int fallback, String source, String where) {
        JsonNode v = g.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw new IllegalArgumentException(source + ": " + where + "." + field
                    + " must be a whole number from 0 to " + Integer.MAX_VALUE);
        }
        return v.intValue();
    }

    private static ZoneId zone(String id, String source, String where) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(source + ": " + where + " is not a time zone: " + id);
        }
    }

    public Optional<GateConfig> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public GateConfig get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown gate " + id));
    }

    /** When the gate clears traffic, by its hours and the holidays in the file; round the clock when it says nothing. */
    public GateHours hours(String gate) {
        return hours.getOrDefault(gate, GateHours.ALWAYS);
    }

    /** The expected wait, in minutes, past which the gate stands at an alert level; null when the file sets none. */
    public Integer alertWaitMinutes(String gate) {
        return alertWaitMinutes.get(gate);
    }

    public List<GateConfig> all() {
        return ordered;
    }

    /**
     * A section of the file that belongs to a feature, not to the gates (e.g. {@code report}: the
     * issuing body and signature of the year report), read by that feature; a copy.
     */
    public Optional<JsonNode> section(String name) {
        return Optional.ofNullable(sections.get(name)).map(JsonNode::deepCopy);
    }

    /** The goods groups trade is counted by, in the file's order; empty when the file names none. */
    public List<GoodsGroup> goods() {
        return goods;
    }

    public Optional<GoodsGroup> goodsGroup(String id) {
        return goods.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The group whose share of exports the board shows, or null when the file names no groups. */
    public String watchedGoods() {
        return watchedGoods;
    }

    public String provinceId() {
        return provinceId;
    }

    public String provinceVi() {
        return provinceVi;
    }

    public String provinceEn() {
        return provinceEn;
    }

    /** The zone in which province-wide days and years (plans, reports) are counted. */
    public ZoneId zone() {
        return zone;
    }
}
