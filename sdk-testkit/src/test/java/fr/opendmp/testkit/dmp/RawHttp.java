package fr.opendmp.testkit.dmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Raw HTTP (JDK HttpClient) test helper, independent of the SDK client. */
final class RawHttp {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String INS = "279119913400976";
    static final String OTHER_INS = "180017512345660";
    static final String INS_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8";
    static final String PLACEHOLDER = "123456789012345";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final FakeDmp dmp;
    private String authorization;

    RawHttp(FakeDmp dmp) {
        this.dmp = dmp;
    }

    /** Acts as this professional for the patient (null = no credential). */
    RawHttp as(String authorizationHeader) {
        RawHttp h = new RawHttp(dmp);
        h.authorization = authorizationHeader;
        return h;
    }

    record Response(int status, String contentType, byte[] body, HttpResponse<byte[]> raw) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String rule() {
            return json().path("issue").path(0).path("details").path("coding").path(0).path("code").asText();
        }

        String expression() {
            return json().path("issue").path(0).path("expression").path(0).asText();
        }

        List<String> rules() {
            List<String> out = new ArrayList<>();
            json().path("issue").forEach(i -> out.add(i.path("details").path("coding").path(0).path("code").asText()));
            return out;
        }
    }

    Response get(String relative, String accept) {
        return send(HttpRequest.newBuilder(uri(relative)).header("Accept", accept).GET());
    }

    Response get(String relative) {
        return get(relative, "application/fhir+json");
    }

    Response post(String relative, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(relative)).header("Content-Type", contentType)
                .header("Accept", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Response postJson(String relative, String json) {
        return post(relative, "application/fhir+json", json.getBytes(StandardCharsets.UTF_8));
    }

    Response patch(String relative, String contentType, String json) {
        return send(HttpRequest.newBuilder(uri(relative)).header("Content-Type", contentType)
                .header("Accept", "application/fhir+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Response patchJson(String relative, String json) {
        return patch(relative, "application/json-patch+json", json);
    }

    private URI uri(String relative) {
        if (relative.startsWith("http")) {
            return URI.create(relative);
        }
        if (relative.startsWith("/admin")) {
            return dmp.adminUri().resolve(relative);
        }
        return URI.create(dmp.baseUri() + (relative.isEmpty() || relative.startsWith("?") ? "" : "/") + relative);
    }

    private Response send(HttpRequest.Builder b) {
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        b.timeout(Duration.ofSeconds(10));
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String searchByPatient(String ins) {
        return "DocumentReference?patient.identifier=" + enc(INS_SYSTEM + "|" + ins);
    }

    /** Reads a copied ANS vector with the placeholder INS replaced. */
    static String vector(String name, String ins) {
        try (InputStream in = RawHttp.class.getResourceAsStream("/vectors/pdsm4dmp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(PLACEHOLDER, ins);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
