package fr.opendmp.testkit.dmp;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.testkit.junit.FakeDmpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Visibility rules seen by a patient or a legal representative. These callers have no IdNat_PS and
 * never present a VIHF, so they exist only in the OFF test mode: the fake is explicitly
 * {@code AuthMode.OFF} (the professionals' side of the same rules runs verified in AccessRulesTest).
 */
@FakeDmpTest(auth = AuthMode.OFF)
class PatientCallersOffModeTest {
    private static final FakeProfessional AUTHOR = FakeProfessional.doctor(Docs.AUTHOR);
    private static final FakeProfessional OTHER = FakeProfessional.doctor("899700000001");
    private RawHttp http;

    @BeforeEach
    void connect(FakeDmp fake) {
        http = new RawHttp(fake);
    }

    private RawHttp as(FakeProfessional p, AccessContext access) {
        return http.as(p, INS, access);
    }

    private void deposit(int n) {
        assertThat(as(AUTHOR, AccessContext.normal()).postJson("", Docs.bundle(INS, Docs.uniqueId(n)).toString())
                .status()).isEqualTo(200);
    }

    @Test
    void maskedDocumentIsHiddenFromOtherProfessionalsButNotFromItsAuthorOrThePatient() {
        deposit(1);
        var patch = as(AUTHOR, AccessContext.normal()).patchJson(
                "DocumentReference?identifier=" + RawHttp.enc("urn:ietf:rfc:3986|" + Docs.uniqueId(1)),
                "[{\"op\":\"add\",\"path\":\"/securityLabel/-\",\"value\":{\"coding\":[{\"system\":"
                        + "\"https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument\","
                        + "\"code\":\"MASQUE_PS\"}]}}]");
        assertThat(patch.status()).isEqualTo(200);
        assertThat(as(OTHER, AccessContext.normal()).get(RawHttp.searchByPatient(INS)).json().path("total").asInt()).isZero();
        assertThat(as(AUTHOR, AccessContext.normal()).get(RawHttp.searchByPatient(INS)).json().path("total").asInt()).isEqualTo(1);
        FakeProfessional patient = FakeProfessional.builder(INS).profession("PATIENT").specialty("").build();
        assertThat(as(patient, AccessContext.normal()).get(RawHttp.searchByPatient(INS)).json().path("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void invisibleToPatientIsHiddenFromThePatientOnly() {
        deposit(1);
        var patch = as(AUTHOR, AccessContext.normal()).patchJson(
                "DocumentReference?identifier=" + RawHttp.enc("urn:ietf:rfc:3986|" + Docs.uniqueId(1)),
                "[{\"op\":\"add\",\"path\":\"/securityLabel/-\",\"value\":{\"coding\":[{\"system\":"
                        + "\"urn:oid:1.2.250.1.213.1.1.4.13\",\"code\":\"INVISIBLE_PATIENT\"}]}}]");
        assertThat(patch.status()).isEqualTo(200);
        FakeProfessional patient = FakeProfessional.builder(INS).profession("PATIENT").specialty("").build();
        FakeProfessional legal = FakeProfessional.builder("REP1").profession("REPRESENTANT_LEGAL").specialty("").build();
        assertThat(as(patient, AccessContext.normal()).get(RawHttp.searchByPatient(INS)).json().path("total").asInt()).isZero();
        assertThat(as(legal, AccessContext.normal()).get(RawHttp.searchByPatient(INS)).json().path("total").asInt()).isZero();
        assertThat(as(OTHER, AccessContext.normal()).get(RawHttp.searchByPatient(INS)).json().path("total").asInt()).isEqualTo(1);
    }

}
