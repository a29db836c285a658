package fr.opendmp.testkit.client;

import static fr.opendmp.testkit.client.ClientFixtures.INS;
import static fr.opendmp.testkit.client.ClientFixtures.deposit;
import static fr.opendmp.testkit.client.ClientFixtures.newUniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.access.Authorization;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.client.DmpView;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.testkit.dmp.AccessEvent;
import fr.opendmp.testkit.dmp.AuthMode;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.FakeProfessional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One client for a whole hospital: the caller (professional, access mode, reason) travels with each
 * call, in both of the fake's credential modes (signed VIHF over mTLS, and the OFF mode's token).
 */
class OneClientManyCallersTest {

    static final FakeProfessional AUTHOR = FakeProfessional.doctor("810001111111");
    static final FakeProfessional NURSE_DOCTOR = FakeProfessional.doctor("810002222222");
    static final FakeProfessional EMERGENCY = FakeProfessional.doctor("810003333333");

    static DmpClient hospitalClient(FakeDmp fake) {
        return DmpClient.builder().endpoint(fake.baseUri()).credentials(fake.credentials())
                .software("OpenDMP-e2e", "0.1", "TEST-OPENDMP").sourceId("1.2.250.1.999.42")
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2)))
                .build();
    }

    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void oneClientServesThreeProfessionalsConcurrentlyEachRequestCarryingItsOwnCaller(AuthMode mode)
            throws Exception {
        try (FakeDmp fake = FakeDmp.builder().auth(mode).start();
             DmpClient dmp = hospitalClient(fake)) {
            fake.seedProfessional(AUTHOR).seedProfessional(NURSE_DOCTOR).seedProfessional(EMERGENCY)
                    .seedPatient(FakePatient.open(INS.value()));
            dmp.as(AUTHOR.caller()).documents().deposit(deposit(newUniqueId()));
            fake.block(INS.value(), EMERGENCY.idNatPs());
            Map<FakeProfessional, Caller> callers = Map.of(
                    AUTHOR, AUTHOR.caller(),
                    NURSE_DOCTOR, NURSE_DOCTOR.caller(AccessContext.centreRegulation()),
                    EMERGENCY, EMERGENCY.caller(AccessContext.brisDeGlace("arrêt cardiaque")));
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<Integer>> found = new ArrayList<>();
                for (int round = 0; round < 10; round++) {
                    for (Caller c : callers.values()) {
                        DmpView view = dmp.as(c);
                        found.add(pool.submit((Callable<Integer>) () ->
                                view.documents().search(INS, DocumentQuery.builder().build()).entries().size()));
                    }
                }
                for (Future<Integer> f : found) {
                    assertThat(f.get()).isEqualTo(1);
                }
            } finally {
                pool.shutdown();
            }
            Map<String, List<AccessMode>> seen = fake.history().stream()
                    .filter(e -> e.action().startsWith("TD3.1"))
                    .collect(Collectors.groupingBy(AccessEvent::idNatPs,
                            Collectors.mapping(AccessEvent::mode, Collectors.toList())));
            assertThat(seen.get(AUTHOR.idNatPs())).hasSize(10).containsOnly(AccessMode.NORMAL);
            assertThat(seen.get(NURSE_DOCTOR.idNatPs())).hasSize(10).containsOnly(AccessMode.CENTRE_REGULATION);
            assertThat(seen.get(EMERGENCY.idNatPs())).hasSize(10).containsOnly(AccessMode.BRIS_DE_GLACE);
            assertThat(fake.history()).filteredOn(e -> e.idNatPs().equals(EMERGENCY.idNatPs())
                    && e.action().startsWith("TD3.1")).allSatisfy(e -> assertThat(e.reason()).contains("arrêt cardiaque"));
        }
    }

    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void theAccessCacheNeverAnswersForAnotherCaller(AuthMode mode) {
        try (FakeDmp fake = FakeDmp.builder().auth(mode).start();
             DmpClient dmp = hospitalClient(fake)) {
            fake.seedProfessional(AUTHOR).seedProfessional(EMERGENCY).seedPatient(FakePatient.open(INS.value()));
            fake.block(INS.value(), EMERGENCY.idNatPs());
            DmpView author = dmp.as(AUTHOR.caller());
            DmpView blocked = dmp.as(EMERGENCY.caller());
            assertThat(author.access(INS).authorization()).isNotEqualTo(Authorization.BLOCKED);
            assertThat(blocked.access(INS).authorization()).isEqualTo(Authorization.BLOCKED);
            assertThat(author.access(INS).authorization()).isNotEqualTo(Authorization.BLOCKED);
            long td02 = fake.history().stream().filter(e -> e.action().equals("TD02")).count();
            assertThat(td02).as("one TD0.2 per caller, the repeated one from the cache").isEqualTo(2);
        }
    }
}
