package borderwatch.publicboard;

import borderwatch.province.Province;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Chinese names drivers from across the border know the gates by, from the {@code publicBoard}
 * section of the province file ({@code "namesZh": {"huu-nghi": "友谊关"}}); a gate without one is
 * shown by its Vietnamese name.
 */
record PublicNames(Map<String, String> gatesZh) {

    static PublicNames of(Province province) {
        Map<String, String> zh = new LinkedHashMap<>();
        JsonNode names = province.section("publicBoard").map(s -> s.path("namesZh")).orElse(null);
        if (names != null && names.isObject()) {
            names.fields().forEachRemaining(f -> {
                if (f.getValue().isTextual() && province.find(f.getKey()).isPresent()) {
                    zh.put(f.getKey(), f.getValue().asText());
                }
            });
        }
        return new PublicNames(Map.copyOf(zh));
    }

    String zh(String gate, String fallback) {
        return gatesZh.getOrDefault(gate, fallback);
    }
}
