package borderwatch.service;

import borderwatch.http.Json;
import borderwatch.testing.Contract;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * A small blocking client for API tests. Every answer it receives is held to the OpenAPI document
 * ({@link Contract}): a status the operation does not list, or a body its schema refuses, fails the test.
 */
public final class ApiClient {

    public record Reply(int status, JsonNode json, String text) {
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;
    private final String token;

    /** A client with the tests' coordinator token. */
    public ApiClient(int port) {
        this(port, TestServer.TOKEN);
    }

    /** A client with another token, or none ({@code null}). */
    public ApiClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public Reply post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Reply put(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Reply delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build());
    }

    public Reply send(HttpRequest request) throws IOException, InterruptedException {
        if (token != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", "Bearer " + token).build();
        }
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        List<String> broken = Contract.get().violations(request.method(), r.uri().getRawPath(), r.statusCode(),
                r.headers().firstValue("content-type").orElse(null), r.body());
        if (!broken.isEmpty()) {
            throw new AssertionError("the answer breaks the API document: " + broken + "\n" + r.body());
        }
        JsonNode json = null;
        if (r.headers().firstValue("content-type").orElse("").startsWith("application/json")) {
            json = Json.mapper().readTree(r.body());
        }
        return new Reply(r.statusCode(), json, r.body());
    }
}
