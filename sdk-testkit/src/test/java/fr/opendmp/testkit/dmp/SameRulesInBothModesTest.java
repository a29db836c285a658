package fr.opendmp.testkit.dmp;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.access.AccessContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verified VIHF is read back into the same caller as the OFF mode's JWT: for several kinds of
 * professional, access modes and patient states, both fakes give the same status and rule ids
 * (except where the VIHF verifier itself refuses an access mode the role may not use).
 */
class SameRulesInBothModesTest {
    private static final List<FakeProfessional> PROFESSIONALS = List.of(
            FakeProfessional.builder("899700600001").structureId("10B0600000").build(),
            FakeProfessional.builder("899700600002").profession("21").specialty("G15_21H").sector("SA33")
                    .structureId("10B0600000").build(),
            FakeProfessional.builder("899700600003").profession("60").specialty("").build(),
            FakeProfessional.builder("899700600004").authenticationMode("INDIRECTE").build(),
            FakeProfessional.builder("899700600005").authenticationMode("DIRECTE").build());
    private static final List<AccessContext> MODES = List.of(AccessContext.normal(),
            AccessContext.brisDeGlace("urgence vitale"), AccessContext.centreRegulation());

    private static FakeDmp off;
    private static FakeDmp verify;

    @BeforeAll
    static void start() {
        off = FakeDmp.builder().auth(AuthMode.OFF).start();
        verify = FakeDmp.builder().start();
    }

    @AfterAll
    static void stop() {
        off.close();
        verify.close();
    }

    private static List<String> outcomes(FakeDmp dmp, Consumer<FakeDmp> state) {
        dmp.reset();
        state.accept(dmp);
        RawHttp http = new RawHttp(dmp);
        List<String> out = new ArrayList<>();
        for (FakeProfessional p : PROFESSIONALS) {
            for (AccessContext access : MODES) {
                RawHttp as = http.as(p, INS, access);
                RawHttp.Response deposit = as.postJson("", Docs.bundle(INS, Docs.uniqueId(out.size() + 1)).toString());
                RawHttp.Response search = as.get(RawHttp.searchByPatient(INS));
                RawHttp.Response td02 = as.get("Patient?identifier=" + RawHttp.enc(RawHttp.INS_SYSTEM + "|" + INS));
                out.add(p.idNatPs() + " " + access.mode() + ": deposit " + summary(deposit) + ", search "
                        + summary(search) + ", td02 " + summary(td02));
            }
        }
        return out;
    }

    private static String summary(RawHttp.Response r) {
        if (r.status() < 300) {
            return String.valueOf(r.status());
        }
        return r.status() + " " + r.rules();
    }

    private static void assertSameExceptVihfRefusals(Consumer<FakeDmp> state) {
        List<String> inOff = outcomes(off, state);
        List<String> verified = outcomes(verify, state);
        assertThat(verified).hasSameSizeAs(inOff);
        int compared = 0;
        for (int i = 0; i < inOff.size(); i++) {
            if (verified.get(i).contains("VIHF_MODE_ACCES_FORBIDDEN")) {
                assertThat(verified.get(i)).as("only non-physicians are refused bris de glace / centre 15")
                        .doesNotContain("899700600001");
                continue;
            }
            assertThat(verified.get(i)).isEqualTo(inOff.get(i));
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(9);
    }

    @Test
    void authorizedPatientGivesTheSameAnswersInBothModes() {
        assertSameExceptVihfRefusals(dmp -> { });
    }

    @Test
    void revokedAuthorizationGivesTheSameAnswersInBothModes() {
        assertSameExceptVihfRefusals(dmp -> PROFESSIONALS.forEach(p -> dmp.revokeAuthorization(INS, p.idNatPs())));
    }

    @Test
    void blockedProfessionalsGiveTheSameAnswersInBothModes() {
        assertSameExceptVihfRefusals(dmp -> PROFESSIONALS.forEach(p -> dmp.block(INS, p.idNatPs())));
    }

    @Test
    void closedDmpGivesTheSameAnswersInBothModes() {
        assertSameExceptVihfRefusals(dmp -> dmp.seedPatient(FakePatient.closed(INS, java.time.LocalDate.of(2024, 1, 31),
                "patient-demande")));
    }
}
