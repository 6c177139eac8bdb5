package borderwatch.http;

import borderwatch.auth.Principal;
import borderwatch.auth.Role;
import borderwatch.auth.TokenRecord;
import borderwatch.auth.Tokens;
import borderwatch.shared.PersonText;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code /api/v1/tokens} for admins: list, issue (the value is shown once), revoke. */
public final class TokensRoute {

    private final Vertx vertx;
    private final Tokens tokens;
    private final Set<String> gateIds;

    public TokensRoute(Vertx vertx, Tokens tokens, Set<String> gateIds) {
        this(vertx, tokens, gateIds, Set.of());
    }

    /** {@code provinceIds}: the provinces the node serves, which a token may be confined to. */
    public TokensRoute(Vertx vertx, Tokens tokens, Set<String> gateIds, Set<String> provinceIds) {
        this.vertx = vertx;
        this.tokens = tokens;
        this.gateIds = gateIds;
        this.provinceIds = Set.copyOf(provinceIds);
    }

    private final Set<String> provinceIds;

    /** What an admin may see and revoke: a national admin every token, a confined one those confined within its provinces. */
    private static boolean within(Principal admin, TokenRecord r) {
        if (admin.provinces().isEmpty()) {
            return true;
        }
        List<String> theirs = r.provinces() == null ? List.of() : r.provinces();
        return !theirs.isEmpty() && admin.provinces().containsAll(theirs);
    }

    public static Map<String, Object> describe(TokenRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("role", r.role());
        out.put("gates", r.gates());
        out.put("provinces", r.provinces() == null ? List.of() : r.provinces());
        out.put("label", r.label());
        out.put("created", r.created());
        return out;
    }

    public void list(RoutingContext ctx) {
        Principal who = Access.principal(ctx);
        Json.send(ctx, 200, Map.of("tokens", tokens.list().stream().filter(r -> within(who, r)).map(TokensRoute::describe)
                .toList()));
    }

    public void create(RoutingContext ctx) {
        JsonNode body = Json.body(ctx);
        List<FieldError> errors = new ArrayList<>(FieldError.unknownFields(body, Set.of("role", "gates", "label", "provinces"),
                "a token request"));
        Role role = null;
        if (!body.path("role").isTextual()) {
            errors.add(FieldError.of("role", "is required: feed, viewer, coordinator or admin"));
        } else {
            try {
                role = Role.parse(body.get("role").asText());
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("role", e.getMessage()));
            }
        }
        Set<String> gates = ids(body, "gates", gateIds, "gate ids", "unknown gate ", errors);
        if (role == Role.FEED && gates.isEmpty() && errors.isEmpty()) {
            errors.add(FieldError.of("gates", "a feed token needs the gates it reports for"));
        }
        if (role != null && role != Role.FEED && !gates.isEmpty()) {
            errors.add(FieldError.of("gates", "only feed tokens are scoped to gates"));
        }
        Set<String> provinces = ids(body, "provinces", provinceIds, "province ids", "this node serves no province ", errors);
        // An admin confined to some provinces issues tokens confined to them, never a national one.
        Principal issuer = Access.principal(ctx);
        if (!issuer.provinces().isEmpty()) {
            if (provinces.isEmpty()) {
                provinces.addAll(issuer.provinces());
            } else if (!issuer.provinces().containsAll(provinces)) {
                errors.add(FieldError.of("provinces", "this token acts in " + String.join(", ", new TreeSet<>(issuer.provinces()))
                        + " only, and may issue tokens for those"));
            }
        }
        JsonNode labelNode = body.path("label");
        String label = labelNode.isTextual() ? labelNode.textValue() : "";
        if (!labelNode.isMissingNode() && !labelNode.isNull() && !labelNode.isTextual()) {
            errors.add(FieldError.of("label", "must be text"));
        } else if (PersonText.problem(label.strip(), Tokens.MAX_LABEL) != null) {
            errors.add(FieldError.of("label", PersonText.problem(label.strip(), Tokens.MAX_LABEL)));
        }
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        Role chosen = role;
        Principal by = Access.principal(ctx);
        vertx.executeBlocking(() -> tokens.create(chosen, gates, provinces, label, by), false)
                .onSuccess(issued -> {
                    Map<String, Object> out = describe(issued.record());
                    out.put("token", issued.token());
                    Json.send(ctx, 201, out);
                })
                .onFailure(ctx::fail);
    }

    /** An optional list of known ids; null stands for an absent optional field, as everywhere in the API. */
    private static Set<String> ids(JsonNode body, String field, Set<String> known, String what, String unknown,
                                   List<FieldError> errors) {
        Set<String> out = new TreeSet<>();
        JsonNode list = body.path(field).isNull() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : body.path(field);
        if (!list.isMissingNode() && !list.isArray()) {
            errors.add(FieldError.of(field, "must be a list of " + what));
            return out;
        }
        for (JsonNode id : list) {
            if (!id.isTextual() || !known.contains(id.asText())) {
                errors.add(FieldError.of(field, unknown + id));
            } else {
                out.add(id.asText());
            }
        }
        return out;
    }

    public void revoke(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Principal by = Access.principal(ctx);
        boolean outside = tokens.list().stream().anyMatch(r -> r.id().equals(id) && !within(by, r));
        if (outside) {
            Json.error(ctx, 403, List.of(FieldError.of("id", "token " + id + " acts beyond this token's provinces")));
            return;
        }
        vertx.executeBlocking(() -> tokens.revoke(id, by), false).onSuccess(removed -> {
            if (removed) {
                ctx.response().setStatusCode(204).end();
            } else {
                Json.error(ctx, 404, List.of(FieldError.of("id", "no token " + id)));
            }
        }).onFailure(ctx::fail);
    }
}
