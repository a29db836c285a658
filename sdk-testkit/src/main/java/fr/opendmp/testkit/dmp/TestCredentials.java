package fr.opendmp.testkit.dmp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.ins.Ins;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Credentials for the fake DMP in {@link AuthMode#OFF}: an unsigned JWT ({@code alg none}) with
 * the claims of {@link FakeDmpClaims} for one professional, sent as {@code Authorization: Bearer}.
 * Thread-safe and immutable.
 */
public final class TestCredentials implements CredentialsProvider {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final FakeProfessional professional;
    private final Clock clock;

    private TestCredentials(FakeProfessional professional, Clock clock) {
        this.professional = Objects.requireNonNull(professional, "professional");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param professional the professional
     * @return credentials acting as this professional
     */
    public static TestCredentials of(FakeProfessional professional) {
        return new TestCredentials(professional, Clock.systemUTC());
    }

    /**
     * @param newClock the new clock
     * @return the same credentials reading time from this clock ({@code iat}/{@code exp})
     */
    public TestCredentials withClock(Clock newClock) {
        return new TestCredentials(professional, newClock);
    }

    /** @return the professional these credentials act as */
    public FakeProfessional professional() {
        return professional;
    }

    /** No mTLS towards the fake (plain loopback HTTP). */
    @Override
    public Optional<SSLContext> sslContext() {
        return Optional.empty();
    }

    /**
     * @return {@code Authorization: Bearer <jwt>} for the request's patient and access mode, acting
     *     as the professional the request's caller names, else as this provider's
     */
    @Override
    public Map<String, List<String>> headers(CredentialRequest request) {
        TestCredentials as = request.caller().professional()
                .map(p -> new TestCredentials(FakeProfessional.of(p, request.caller().authenticationMode().orElseThrow()),
                        clock)).orElse(this);
        return Map.of("Authorization", List.of("Bearer " + as.jwt(request.patient(), request.access())));
    }

    /**
     * The unsigned JWT for a patient and access mode, for raw-HTTP tests.
     *
     * @param patient the patient the credential is for (claim {@code resource_id}), if any
     * @param access the access mode and bris de glace reason
     * @return {@code header.payload.} (empty signature)
     */
    public String jwt(Optional<Ins> patient, AccessContext access) {
        ObjectNode claims = MAPPER.createObjectNode();
        long now = clock.instant().getEpochSecond();
        claims.put(FakeDmpClaims.SUBJECT, professional.idNatPs());
        claims.put(FakeDmpClaims.GIVEN_NAME, professional.givenName());
        claims.put(FakeDmpClaims.FAMILY_NAME, professional.familyName());
        claims.put(FakeDmpClaims.STRUCTURE, professional.structureId());
        claims.put(FakeDmpClaims.SECTOR, professional.sector() + "^" + FakeDmpClaims.SECTOR_SYSTEM);
        ArrayNode roles = claims.putArray(FakeDmpClaims.SUBJECT_ROLE);
        roles.add(professional.profession() + "^" + FakeDmpClaims.PROFESSION_SYSTEM);
        if (!professional.specialty().isEmpty()) {
            roles.add(professional.specialty() + "^" + FakeDmpClaims.SPECIALTY_SYSTEM);
        }
        claims.put(FakeDmpClaims.PURPOSE_OF_USE, access.mode().code());
        access.reason().ifPresent(r -> claims.put(FakeDmpClaims.BRIS_DE_GLACE_REASON, r));
        patient.ifPresent(p -> claims.put(FakeDmpClaims.RESOURCE_ID, p.cx()));
        claims.put(FakeDmpClaims.AUTHENTICATION_MODE, professional.authenticationMode());
        claims.put(FakeDmpClaims.LPS_NAME, "OpenDMP test");
        claims.put(FakeDmpClaims.LPS_VERSION, "0.1.0");
        claims.put(FakeDmpClaims.LPS_HOMOLOGATION, "TEST-OPENDMP");
        claims.put(FakeDmpClaims.ISSUED_AT, now);
        claims.put(FakeDmpClaims.EXPIRES, now + 3600);
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /**
     * @param patient the patient the credential is for (claim {@code resource_id}), if any
     * @return the value of the Authorization header for a patient in normal mode
     */
    public String authorizationFor(Ins patient) {
        return "Bearer " + jwt(Optional.of(patient), AccessContext.normal());
    }

    @Override
    public String toString() {
        return "TestCredentials[" + professional + "]";
    }
}
