package borderwatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The OpenAPI document as a contract the tests hold the service to: every answer a test receives on a
 * documented route must carry a status the operation lists, and a JSON body that validates against
 * the schema documented for that status (JSON Schema 2020-12 with the OpenAPI 3.1 vocabulary, by
 * networknt's json-schema-validator). The test client checks each answer it receives.
 */
public final class Contract {

    private static final String IRI = "https://borderwatch.invalid/api/openapi.yaml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Contract INSTANCE = new Contract();

    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final AtomicLong checked = new AtomicLong();
    /** Each documented path template and the pattern of the paths it stands for, compiled once. */
    private final Map<String, Pattern> templates = new java.util.LinkedHashMap<>();

    private Contract() {
        String text;
        try (InputStream in = Objects.requireNonNull(Contract.class.getResourceAsStream("/api/openapi.yaml"),
                "the OpenAPI document is not on the class path")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            document = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String t = it.next();
            templates.put(t, Pattern.compile("^" + Pattern.quote(t).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "$"));
        }
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(IRI, text))));
    }

    public static Contract get() {
        return INSTANCE;
    }

    /** How many answers were checked so far in this run. */
    public long checked() {
        return checked.get();
    }

    /**
     * What is wrong with an answer of {@code status} to {@code method path} carrying {@code body} of
     * {@code contentType}; empty when it keeps the contract, or when the route is not one the document
     * describes (the console's files, an unknown path).
     */
    public List<String> violations(String method, String path, int status, String contentType, String body) {
        String template = template(path);
        if (template == null) {
            return List.of();
        }
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase());
        if (operation.isMissingNode()) {
            return List.of();
        }
        checked.incrementAndGet();
        String where = method + " " + template + " → " + status;
        String code = Integer.toString(status);
        JsonNode response = operation.path("responses").path(code);
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase() + "/responses/" + code;
        if (response.isMissingNode()) {
            return List.of(where + ": the operation does not list this status");
        }
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
            response = document.at(pointer);
        }
        boolean json = contentType != null && contentType.startsWith("application/json");
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (!json || body == null || body.isEmpty()) {
            return List.of();
        }
        if (schema.isMissingNode()) {
            return List.of(where + ": a JSON body where the document describes none");
        }
        JsonNode value;
        try {
            value = new ObjectMapper().readTree(body);
        } catch (IOException e) {
            return List.of(where + ": not JSON: " + e.getMessage());
        }
        String schemaPointer = pointer + "/content/application~1json/schema";
        JsonSchema compiled = schemas.computeIfAbsent(schemaPointer,
                p -> factory.getSchema(SchemaLocation.of(IRI + "#" + p), config));
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : compiled.validate(value)) {
            out.add(where + ": " + m.getMessage());
        }
        return out;
    }

    /** The documented path template {@code path} (without its query) falls under, literal segments first. */
    private String template(String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String best = null;
        int bestLiterals = -1;
        for (Map.Entry<String, Pattern> t : templates.entrySet()) {
            if (t.getValue().matcher(bare).matches()) {
                int literals = t.getKey().replaceAll("\\{[^}]+}", "").length();
                if (literals > bestLiterals) {
                    best = t.getKey();
                    bestLiterals = literals;
                }
            }
        }
        return best;
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }

    /** The operations of the document, as "METHOD /path", for a test that wants to see them all used. */
    public List<String> operations() {
        List<String> out = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (METHODS.contains(m)) {
                out.add(m.toUpperCase() + " " + p.getKey());
            }
        }));
        return out;
    }
}
