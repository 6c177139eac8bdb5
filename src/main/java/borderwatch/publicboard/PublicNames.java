package borderwatch.publicboard;

import borderwatch.province.Province;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Chinese names drivers from across the border know the gates by, from the {@code publicBoard}
 * section of the province file: {@code "namesZh": {"huu-nghi": "友谊关"}}, the gate's own name written
 * in Chinese, and {@code "portsZh": {"tan-thanh": "浦寨"}}, the port on the Chinese side the gate faces,
 * which is what a driver from there calls the crossing. A gate without a name is shown by its
 * Vietnamese one; without a port, by none.
 */
record PublicNames(Map<String, String> gatesZh, Map<String, String> portsZh) {

    static PublicNames of(Province province) {
        return new PublicNames(names(province, "namesZh"), names(province, "portsZh"));
    }

    private static Map<String, String> names(Province province, String key) {
        Map<String, String> zh = new LinkedHashMap<>();
        JsonNode names = province.section("publicBoard").map(s -> s.path(key)).orElse(null);
        if (names != null && names.isObject()) {
            names.fields().forEachRemaining(f -> {
                if (f.getValue().isTextual() && province.find(f.getKey()).isPresent()) {
                    zh.put(f.getKey(), f.getValue().asText());
                }
            });
        }
        return Map.copyOf(zh);
    }

    /** The port across the border, or null when the file names none. */
    String port(String gate) {
        return portsZh.get(gate);
    }

    String zh(String gate, String fallback) {
        return gatesZh.getOrDefault(gate, fallback);
    }
}
