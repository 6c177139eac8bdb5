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
        this.vertx = vertx;
        this.tokens = tokens;
        this.gateIds = gateIds;
    }

    public static Map<String, Object> describe(TokenRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("role", r.role());
        out.put("gates", r.gates());
        out.put("label", r.label());
        out.put("created", r.created());
        return out;
    }

    public void list(RoutingContext ctx) {
        Json.send(ctx, 200, Map.of("tokens", tokens.list().stream().map(TokensRoute::describe).toList()));
    }

    public void create(RoutingContext ctx) {
        JsonNode body = Json.body(ctx);
        List<FieldError> errors = new ArrayList<>(FieldError.unknownFields(body, Set.of("role", "gates", "label"),
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
        Set<String> gates = new TreeSet<>();
        // null stands for an absent optional field, as everywhere in the API.
        JsonNode gateList = body.path("gates").isNull() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : body.path("gates");
        if (!gateList.isMissingNode() && !gateList.isArray()) {
            errors.add(FieldError.of("gates", "must be a list of gate ids"));
        } else {
            for (JsonNode g : gateList) {
                if (!g.isTextual() || !gateIds.contains(g.asText())) {
                    errors.add(FieldError.of("gates", "unknown gate " + g));
                } else {
                    gates.add(g.asText());
                }
            }
        }
        if (role == Role.FEED && gates.isEmpty() && errors.isEmpty()) {
            errors.add(FieldError.of("gates", "a feed token needs the gates it reports for"));
        }
        if (role != null && role != Role.FEED && !gates.isEmpty()) {
            errors.add(FieldError.of("gates", "only feed tokens are scoped to gates"));
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
        vertx.executeBlocking(() -> tokens.create(chosen, gates, label, by), false)
                .onSuccess(issued -> {
                    Map<String, Object> out = describe(issued.record());
                    out.put("token", issued.token());
                    Json.send(ctx, 201, out);
                })
                .onFailure(ctx::fail);
    }

    public void revoke(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Principal by = Access.principal(ctx);
        vertx.executeBlocking(() -> tokens.revoke(id, by), false).onSuccess(removed -> {
            if (removed) {
                ctx.response().setStatusCode(204).end();
            } else {
                Json.error(ctx, 404, List.of(FieldError.of("id", "no token " + id)));
            }
        }).onFailure(ctx::fail);
    }
}
