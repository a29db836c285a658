package fr.opendmp.core.ins;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityStatusTest {

    private static final IdentityTraits TRAITS = IdentityTraits.builder().birthName("MARTIN")
            .birthFirstNames("CAMILLE").birthDate("1987-10-12").sex(Sex.F).birthPlaceCode("49007").build();
    private static final Ins INS = Ins.of(InsMatricule.of("2871049007123", InsMatricule.computeKey("2871049007123")),
            InsOid.NIR_TEST);

    @ParameterizedTest(name = "I={0} C={1} attribute={2} -> {3}")
    @CsvSource({
        "false,false,none,PROV", "true,false,none,RECUP", "false,true,none,VALI", "true,true,none,QUAL",
        "false,false,doubtful,PROV", "true,false,doubtful,PROV", "false,true,doubtful,PROV", "true,true,doubtful,PROV",
        "false,false,fictitious,PROV", "true,false,fictitious,PROV", "false,true,fictitious,PROV",
        "true,true,fictitious,PROV"})
    void statusIsAPureFunctionOfTheFactsAndAttributes(boolean retrieved, boolean checked, String attribute,
            String code) {
        PatientIdentity p = PatientIdentity.stored(TRAITS, java.util.Optional.of(INS), IdentityStatus.of(retrieved, checked));
        if (attribute.equals("doubtful")) {
            p = p.markDoubtful();
        } else if (attribute.equals("fictitious")) {
            p = p.markFictitious();
        }
        assertThat(p.status().code()).isEqualTo(code);
        assertThat(IdentityStatus.fromCode(code)).contains(p.status());
        assertThat(p.status().isQualified()).isEqualTo(code.equals("QUAL"));
    }

    @ParameterizedTest
    @CsvSource({"PROV,PROVISOIRE", "RECUP,RECUPEREE", "VALI,VALIDEE", "QUAL,QUALIFIEE"})
    void frCoreCodesRoundTrip(String code, IdentityStatus status) {
        assertThat(status.code()).isEqualTo(code);
        assertThat(IdentityStatus.fromCode(code)).contains(status);
        assertThat(IdentityStatus.of(status.retrievedFromInsi(), status.documentChecked())).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource({"PASSPORT", "NATIONAL_ID_CARD", "RESIDENCE_PERMIT"})
    void standaloneDocumentMovesProvisionalToValidated(IdentityDocument.Type type) {
        PatientIdentity p = PatientIdentity.provisional(TRAITS)
                .withDocumentChecked(IdentityDocument.of(type, "op-1", Instant.EPOCH));
        assertThat(p.status()).isEqualTo(IdentityStatus.VALIDEE);
        assertThat(p.ins()).isEmpty();
    }
}
