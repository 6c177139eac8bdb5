package borderwatch.province;

import borderwatch.province.GateConfig;
import borderwatch.province.GateKind;
import borderwatch.province.GoodsGroup;
import borderwatch.province.Province;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvinceTest {

    @TempDir
    Path dir;

    @Test
    void langSonIsTheDefault() {
        Province gates = Province.defaults();
        assertThat(gates.provinceVi()).isEqualTo("Lạng Sơn");
        assertThat(gates.all()).extracting(GateConfig::id)
                .containsExactly("huu-nghi", "tan-thanh", "coc-nam", "chi-ma", "dong-dang");
        assertThat(gates.get("dong-dang").kind()).isEqualTo(GateKind.RAIL);
        assertThat(gates.get("huu-nghi").nameVi()).isEqualTo("Hữu Nghị");
    }

    @Test
    void anotherProvinceIsAnotherFile() throws Exception {
        Path file = dir.resolve("quang-ninh.json");
        Files.writeString(file, """
                {"province":{"id":"quang-ninh","nameVi":"Quảng Ninh","nameEn":"Quang Ninh"},
                 "gates":[{"id":"mong-cai","nameVi":"Móng Cái","nameEn":"Mong Cai","kind":"road",
                           "clearancePerHour":80,"yardCapacity":900}]}""");
        Province gates = Province.load(file);
        assertThat(gates.get("mong-cai").zone().getId()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(gates.find("huu-nghi")).isEmpty();
    }

    @Test
    void aBrokenFileSaysWhatIsWrongAndWhere() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"gates":[{"id":"x","nameVi":"X","nameEn":"X","kind":"boat","clearancePerHour":1,"yardCapacity":1}]}""");
        assertThatThrownBy(() -> Province.load(file)).hasMessageContaining("gates[0].kind");
        Files.writeString(file, """
                {"gates":[{"id":"x","nameVi":"X","nameEn":"X","kind":"road","clearancePerHour":0,"yardCapacity":1}]}""");
        assertThatThrownBy(() -> Province.load(file)).hasMessageContaining("clearancePerHour");
        Files.writeString(file, """
                {"gates":[{"id":"plan-2025","nameVi":"X","nameEn":"X","kind":"road","clearancePerHour":9,"yardCapacity":1}]}""");
        assertThatThrownBy(() -> Province.load(file)).hasMessageContaining("must not start with plan-");
        Files.writeString(file, "{\"gates\":[]}");
        assertThatThrownBy(() -> Province.load(file)).hasMessageContaining("at least one gate");
    }

    @Test
    void drillSettingsAreCheckedToo() throws Exception {
        Path file = dir.resolve("drill.json");
        String gate = """
                {"id":"%s","nameVi":"X","nameEn":"X","kind":"road","clearancePerHour":40,"yardCapacity":100%s}""";
        String divertToNowhere = ",\"levels\":[{\"id\":\"watch\",\"nameVi\":\"T\",\"nameEn\":\"W\","
                + "\"raiseAtWaiting\":10,\"plan\":{\"actionsVi\":[\"a\"],\"actionsEn\":[\"a\"],"
                + "\"effects\":{\"divertExportsTo\":\"mong-cai\",\"divertExportPercent\":50}}}]";
        Files.writeString(file, "{\"gates\":[" + gate.formatted("x", divertToNowhere) + "]}");
        assertThatThrownBy(() -> Province.load(file)).hasMessageContaining("x level 1 diverts to 'mong-cai'");
        Files.writeString(file, "{\"gates\":[" + gate.formatted("x", ",\"exportPerHour\":40") + "]}");
        assertThatThrownBy(() -> Province.load(file)).hasMessageContaining("gates[0]").hasMessageContaining("exportPerHour");
        Files.writeString(file, "{\"gates\":[" + gate.formatted("x", ",\"exportShare\":0.7") + ","
                + gate.formatted("y", ",\"exportShare\":0.4") + "]}");
        assertThatThrownBy(() -> Province.load(file)).hasMessageContaining("exportShare values add up to more than 1");

        GateConfig tanThanh = Province.defaults().get("tan-thanh");
        assertThat(tanThanh.exportPerHour()).isEqualTo(9);
        assertThat(tanThanh.importPerHour()).isEqualTo(41);
        assertThat(tanThanh.levels().config(2).effects().divertExportsTo()).isEqualTo("coc-nam");
        assertThat(Province.defaults().get("huu-nghi").exportPerHour()).isEqualTo(25);
    }

    @Test
    void langSonCountsGoodsGroupsAndExportsFarmProduceOnlyAtThreeGates() {
        Province p = Province.defaults();
        assertThat(p.goods()).extracting(GoodsGroup::id).containsExactly("fruit", "other-produce", "other");
        assertThat(p.watchedGoods()).isEqualTo("fruit");
        assertThat(p.all()).filteredOn(g -> g.mayExport("fruit")).extracting(GateConfig::id)
                .containsExactly("huu-nghi", "tan-thanh", "coc-nam");
        assertThat(p.get("chi-ma").mayExport("other")).isTrue();
        assertThat(p.get("chi-ma").mayExport(null)).isTrue();
    }

    private static final String GOODS = """
            "goods":[{"id":"fruit","nameVi":"Rau quả","nameEn":"Fruit"},{"id":"other","nameVi":"Khác","nameEn":"Other"}],""";

    private static String gate(String id, String exportGoods, String divertTo) {
        return "{\"id\":\"" + id + "\",\"nameVi\":\"" + id + "\",\"nameEn\":\"" + id + "\",\"kind\":\"road\","
                + "\"clearancePerHour\":60,\"yardCapacity\":300,\"exportGoods\":" + exportGoods
                + (divertTo == null ? "" : ",\"levels\":[{\"id\":\"alert\",\"nameVi\":\"Cảnh báo\",\"nameEn\":\"Alert\","
                   + "\"raiseAtWaiting\":100,\"plan\":{\"effects\":{\"divertExportsTo\":\"" + divertTo
                   + "\",\"divertExportPercent\":50}}}]") + "}";
    }

    @Test
    void aPlanThatDivertsFruitToAGateThatMayNotExportItStopsTheStart() throws Exception {
        Path file = dir.resolve("divert.json");
        Files.writeString(file, "{" + GOODS + "\"gates\":[" + gate("a", "[\"fruit\",\"other\"]", "b") + ","
                + gate("b", "[\"other\"]", null) + "]}");
        assertThatThrownBy(() -> Province.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a level 1 diverts exports to b, which may not export 'fruit'");
        Files.writeString(file, "{" + GOODS + "\"gates\":[" + gate("a", "[\"fruit\"]", "b") + ","
                + gate("b", "[\"fruit\",\"other\"]", null) + "]}");
        assertThat(Province.load(file).get("a").exportGoods()).containsExactly("fruit");
    }

    @Test
    void goodsGroupsAreCheckedWhereTheyAreNamed() throws Exception {
        Path file = dir.resolve("goods.json");
        Files.writeString(file, "{" + GOODS + "\"gates\":[" + gate("a", "[\"rice\"]", null) + "]}");
        assertThatThrownBy(() -> Province.load(file)).hasMessageContaining("gate a exports 'rice', which is not a goods group");
        Files.writeString(file, "{" + GOODS + "\"watchedGoods\":\"tea\",\"gates\":[" + gate("a", "[]", null) + "]}");
        assertThatThrownBy(() -> Province.load(file)).hasMessageContaining("watchedGoods 'tea'");
        Files.writeString(file, "{\"goods\":[{\"id\":\"Fruit!\",\"nameVi\":\"x\",\"nameEn\":\"x\"}],\"gates\":["
                + gate("a", "[]", null) + "]}");
        assertThatThrownBy(() -> Province.load(file)).hasMessageContaining("goods[0]").hasMessageContaining("slug");
    }
}
