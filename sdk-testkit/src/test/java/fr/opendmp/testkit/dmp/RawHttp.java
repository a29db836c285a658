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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.ins.Ins;

/**
 * Raw HTTP (JDK HttpClient) test helper, independent of the SDK client. Works in both modes: over
 * HTTPS it presents the client certificate of the credential's structure, and in VERIFY a request
 * without {@code as(...)} carries a VIHF of the fake's default professional for {@link #INS} (or the
 * patient given by {@link #forPatient}); {@link #anonymous()} sends no credential at all.
 */
final class RawHttp {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String INS = "279119913400976";
    static final String OTHER_INS = "180017512345660";
    static final String INS_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8";
    static final String PLACEHOLDER = "123456789012345";
    private static final HttpClient PLAIN = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<SSLContext, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private final FakeDmp dmp;
    private final String authorization;
    private final FakeProfessional professional;
    private final String patient;
    private final AccessContext access;
    private final boolean anonymous;

    RawHttp(FakeDmp dmp) {
        this(dmp, null, null, INS, AccessContext.normal(), false);
    }

    private RawHttp(FakeDmp dmp, String authorization, FakeProfessional professional, String patient,
            AccessContext access, boolean anonymous) {
        this.dmp = dmp;
        this.authorization = authorization;
        this.professional = professional;
        this.patient = patient;
        this.access = access;
        this.anonymous = anonymous;
    }

    /** Sends exactly this Authorization header (e.g. an unsigned JWT or a forged VIHF). */
    RawHttp as(String authorizationHeader) {
        return new RawHttp(dmp, authorizationHeader, professional, patient, access, false);
    }

    /** Acts as this professional (credentials of the fake's mode) for the current patient, normal access. */
    RawHttp as(FakeProfessional who) {
        return new RawHttp(dmp, null, who, patient, access, false);
    }

    /** Acts as this professional for this patient and access mode. */
    RawHttp as(FakeProfessional who, String ins, AccessContext accessContext) {
        return new RawHttp(dmp, null, who, ins, accessContext, false);
    }

    /** The default credential names this patient. */
    RawHttp forPatient(String ins) {
        return new RawHttp(dmp, authorization, professional, ins, access, anonymous);
    }

    /** No Authorization header at all, no admin token (the client certificate is still presented over HTTPS). */
    RawHttp anonymous() {
        return new RawHttp(dmp, null, professional, patient, access, true);
    }

    private CredentialsProvider provider() {
        return professional != null ? dmp.credentials(professional) : dmp.credentials();
    }

    private HttpClient client() {
        Optional<SSLContext> ssl = provider().sslContext();
        return ssl.map(c -> CLIENTS.computeIfAbsent(c, k -> HttpClient.newBuilder().sslContext(k)
                .connectTimeout(Duration.ofSeconds(5)).build())).orElse(PLAIN);
    }

    private Optional<String> authorizationHeader() {
        if (anonymous) {
            return Optional.empty();
        }
        if (authorization != null) {
            return Optional.of(authorization);
        }
        if (professional == null && dmp.auth() == AuthMode.OFF) {
            return Optional.empty();
        }
        return provider().headers(CredentialRequest.dmp(Ins.nir(patient), access)).getOrDefault("Authorization",
                List.of()).stream().findFirst();
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
        authorizationHeader().ifPresent(h -> b.header("Authorization", h));
        HttpRequest probe = b.copy().build();
        if (probe.uri().getPath().startsWith("/admin") && !anonymous) {
            dmp.adminToken().ifPresent(t -> b.header(FakeDmp.adminTokenHeader(), t));
        }
        b.timeout(Duration.ofSeconds(10));
        try {
            HttpResponse<byte[]> r = client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
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
