package fr.opendmp.testkit.dmp;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.access.AccessContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 item 13 (fake side): in verified mode the admin API needs its own token (any client
 * certificate is not enough); the history masks INS and bris de glace reasons unless the fake allows
 * {@code unmasked=true}.
 */
class AdminApiAccessTest {

    private static HttpResponse<String> admin(FakeDmp dmp, String method, String path, Optional<String> token)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(dmp.sslContext().orElse(javax.net.ssl.SSLContext
                .getDefault())).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(dmp.adminUri() + path)).timeout(Duration.ofSeconds(10))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody());
        token.ifPresent(t -> b.header(FakeDmp.adminTokenHeader(), t));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void inVerifiedModeEveryAdminRouteNeedsTheAdminTokenNotJustAClientCertificate() throws Exception {
        try (FakeDmp dmp = FakeDmp.builder().start()) {
            assertThat(dmp.adminToken()).isPresent();
            for (String[] route : new String[][] {{"POST", "/reset"}, {"POST", "/seed"}, {"GET", "/history"},
                {"POST", "/faults"}, {"DELETE", "/faults"}}) {
                for (Optional<String> bad : java.util.List.of(Optional.<String>empty(), Optional.of("not-the-token"))) {
                    HttpResponse<String> r = admin(dmp, route[0], route[1], bad);
                    assertThat(r.statusCode()).as(route[0] + " " + route[1]).isEqualTo(401);
                    assertThat(r.body()).contains("OperationOutcome").contains("ADMIN_TOKEN_REQUIRED");
                }
            }
            assertThat(admin(dmp, "GET", "/history", dmp.adminToken()).statusCode()).isEqualTo(200);
            assertThat(admin(dmp, "POST", "/reset", dmp.adminToken()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theHistoryMasksInsAndReasonsUnlessTheFakeAllowsUnmasking() throws Exception {
        try (FakeDmp dmp = FakeDmp.builder().start(); FakeDmp open = FakeDmp.builder().adminHistoryUnmasked(true).start()) {
            for (FakeDmp f : new FakeDmp[] {dmp, open}) {
                new RawHttp(f).as(FakeProfessional.doctor("899700000001"), INS,
                        AccessContext.brisDeGlace("patient inconscient")).get(RawHttp.searchByPatient(INS));
            }
            String masked = admin(dmp, "GET", "/history", dmp.adminToken()).body();
            assertThat(masked).contains("\"action\":\"TD3.1\"").contains("2************76")
                    .doesNotContain(INS).doesNotContain("inconscient");
            HttpResponse<String> refused = admin(dmp, "GET", "/history?unmasked=true", dmp.adminToken());
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("ADMIN_UNMASK_DISABLED").doesNotContain(INS);
            assertThat(admin(open, "GET", "/history", open.adminToken()).body()).doesNotContain(INS);
            assertThat(admin(open, "GET", "/history?unmasked=true", open.adminToken()).body()).contains(INS)
                    .contains("patient inconscient");
        }
    }

    @Test
    void aGivenTokenIsRequiredEvenInOffModeAndOffModeOnTheLoopbackIsOpenByDefault() throws Exception {
        try (FakeDmp off = FakeDmp.builder().auth(AuthMode.OFF).start();
             FakeDmp guarded = FakeDmp.builder().auth(AuthMode.OFF).adminToken("a-token-of-24-characters").start()) {
            assertThat(off.adminToken()).isEmpty();
            assertThat(admin(off, "GET", "/history", Optional.empty()).statusCode()).isEqualTo(200);
            assertThat(admin(guarded, "GET", "/history", Optional.empty()).statusCode()).isEqualTo(401);
            assertThat(admin(guarded, "GET", "/history", Optional.of("a-token-of-24-characters")).statusCode())
                    .isEqualTo(200);
        }
    }
}
