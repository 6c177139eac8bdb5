package borderwatch.notify;

import borderwatch.province.Province;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the webhooks file: {@code {"webhooks": [{"id", "url", "secret", "events": [...], "gates": [...],
 * "provinces": [...]}]}}; on a node of several provinces a hook without provinces hears every one.
 * A mistake stops the start with one line naming the hook and the field, as the gates file does.
 */
public final class HookFile {

    static final int MIN_SECRET = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HookFile() {
    }

    public static List<Hook> load(Path file, Province province) {
        return load(file, List.of(province));
    }

    /** The hooks of a node serving {@code served}; each names gates and provinces among those. */
    public static List<Hook> load(Path file, List<Province> served) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("webhooks file " + file + " cannot be read: " + e.getMessage());
        }
        if (root == null || !root.path("webhooks").isArray()) {
            throw new IllegalArgumentException("webhooks file " + file + ": expected {\"webhooks\": [...]}");
        }
        List<Hook> hooks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode h : root.path("webhooks")) {
            hooks.add(parse(h, served, ids));
        }
        return List.copyOf(hooks);
    }

    /** Words that mark a secret copied from an example or typed as a placeholder. */
    private static final List<String> PLACEHOLDERS = List.of("replace", "change", "secret", "password", "example",
            "random", "xxxx");

    /** Why {@code secret} is too weak to sign with, or null when it will do. */
    static String weakness(String secret) {
        if (secret.length() < MIN_SECRET) {
            return "must be at least " + MIN_SECRET + " characters";
        }
        if (secret.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "must not hold spaces or control characters (a sentence, not a key)";
        }
        if (secret.chars().distinct().count() < 8) {
            return "must hold at least 8 different characters";
        }
        int steps = 0;
        for (int i = 1; i < secret.length(); i++) {
            steps += Math.abs(secret.charAt(i) - secret.charAt(i - 1)) <= 1 ? 1 : 0;
        }
        if (steps * 4 >= (secret.length() - 1) * 3) {
            return "must not be a run of characters like 0123456789abcdef";
        }
        String lower = secret.toLowerCase(java.util.Locale.ROOT);
        for (String word : PLACEHOLDERS) {
            if (lower.contains(word)) {
                return "looks like a placeholder ('" + word + "')";
            }
        }
        return null;
    }

    static Hook parse(JsonNode h, List<Province> served, Set<String> ids) {
        String id = h.path("id").asText("");
        if (!id.matches("[A-Za-z0-9._-]{1,64}") || !ids.add(id)) {
            throw new IllegalArgumentException("webhook id '" + id + "': 1-64 letters, digits, '.', '_' or '-', unique");
        }
        URI url;
        try {
            url = URI.create(h.path("url").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook " + id + ": url is not a URL");
        }
        if (!("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("webhook " + id + ": url must be an http or https URL with a host");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("webhook " + id + ": url must not carry a user name or password; "
                    + "the receiver checks the signature instead");
        }
        String secret = h.path("secret").asText("");
        String weak = weakness(secret);
        if (weak != null) {
            throw new IllegalArgumentException("webhook " + id + ": secret " + weak
                    + "; use a long random string (openssl rand -hex 32)");
        }
        for (String list : List.of("events", "gates", "provinces")) {
            if (!h.path(list).isMissingNode() && !h.path(list).isArray()) {
                throw new IllegalArgumentException("webhook " + id + ": " + list + " must be a list");
            }
        }
        Set<String> events = new LinkedHashSet<>();
        for (JsonNode e : h.path("events").isMissingNode() ? JSON.valueToTree(Notification.KINDS) : h.path("events")) {
            if (!Notification.KINDS.contains(e.asText())) {
                throw new IllegalArgumentException("webhook " + id + ": unknown event '" + e.asText() + "'; known: "
                        + String.join(", ", Notification.KINDS));
            }
            events.add(e.asText());
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("webhook " + id + ": events is empty");
        }
        Set<String> provinces = new LinkedHashSet<>();
        for (JsonNode p : h.path("provinces")) {
            if (served.stream().noneMatch(s -> s.provinceId().equals(p.asText()))) {
                throw new IllegalArgumentException("webhook " + id + ": unknown province '" + p.asText() + "'");
            }
            provinces.add(p.asText());
        }
        Set<String> gates = new LinkedHashSet<>();
        for (JsonNode g : h.path("gates")) {
            if (served.stream().filter(s -> provinces.isEmpty() || provinces.contains(s.provinceId()))
                    .allMatch(s -> s.find(g.asText()).isEmpty())) {
                throw new IllegalArgumentException("webhook " + id + ": unknown gate '" + g.asText() + "'"
                        + (provinces.isEmpty() ? "" : " in " + String.join(", ", provinces)));
            }
            gates.add(g.asText());
        }
        return new Hook(id, url, secret, events, gates, provinces);
    }
}
