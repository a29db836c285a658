package fr.opendmp.testkit.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.ins.InsMatricule;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Indexes keep a search fast with many documents in the fake. */
class SearchPerformanceTest {

    @Test
    void searchStaysFastWith3000DocumentsAcross300Patients() {
        // measures the search engine, not the credential check (VIHF verification is covered by VerifiedByDefaultTest)
        try (FakeDmp dmp = FakeDmp.builder().validation(Validation.LENIENT).auth(AuthMode.OFF).start()) {
            String template = RawHttp.vector("DocumentReference-example-td2-iti105-publication-simplifiee.json", "PATIENT");
            FakeProfessional author = FakeProfessional.doctor(Docs.AUTHOR);
            String target = null;
            for (int p = 0; p < 300; p++) {
                String number = "1800175" + String.format("%06d", p);
                String ins = number + InsMatricule.computeKey(number);
                target = ins;
                for (int d = 0; d < 10; d++) {
                    dmp.seedDocument(author, template.replace("PATIENT", ins).replace("99999.1\"", "99999." + d + "\""));
                }
            }
            assertThat(dmp.documentCount()).isEqualTo(3000);
            RawHttp http = new RawHttp(dmp).forPatient(target);
            String q = RawHttp.searchByPatient(target);
            long t0 = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                assertThat(http.get(q).json().path("total").asInt()).isEqualTo(10);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        }
    }
}
