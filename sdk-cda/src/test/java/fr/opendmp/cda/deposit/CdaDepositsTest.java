package fr.opendmp.cda.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.cda.Fixtures;
import fr.opendmp.cda.build.CdaDocuments;
import fr.opendmp.cda.metadata.CdaMetadata;
import fr.opendmp.cda.read.CdaParseException;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.ins.IdentityNotQualifiedException;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdaDepositsTest {

    /** Patient B: another test patient, nothing in common with the ANS test patient A. */
    static final IdentityTraits TRAITS_B = IdentityTraits.builder().birthName("MARTIN").birthFirstNames("JEAN PAUL")
            .birthDate("1968-12-01").sex(Sex.M).birthPlaceCode("49007").build();
    static final Ins INS_B = Ins.of(InsMatricule.of("1681249007123", InsMatricule.computeKey("1681249007123")),
            InsOid.NIR_TEST);
    static final PatientIdentity PATIENT_B = PatientIdentity.qualified(TRAITS_B, INS_B);

    static byte[] cdaForPatientA() {
        return CdaDocuments.n1Pdf(Fixtures.header()
                .documentType(Code.of(CodeSystems.LOINC, "11488-4", "CR de consultation")).build(), Fixtures.pdf())
                .toBytes();
    }

    @Test
    void aCdaForPatientADepositedForPatientBIsRefusedBeforeAnythingIsBuiltNamingTheFieldsNotTheValues() {
        byte[] cda = cdaForPatientA();

        assertThatThrownBy(() -> CdaDeposits.of(PATIENT_B, cda))
                .isInstanceOfSatisfying(CdaPatientMismatchException.class, e -> {
                    assertThat(e.fields()).containsExactly(PatientField.INS, PatientField.BIRTH_NAME,
                            PatientField.FIRST_BIRTH_FIRST_NAME, PatientField.BIRTH_FIRST_NAMES,
                            PatientField.BIRTH_DATE, PatientField.SEX, PatientField.BIRTH_PLACE);
                    assertThat(e.documentIndex()).isZero();
                    assertThat(e).isInstanceOf(DmpException.class);
                    assertThat(e.side()).isEqualTo(DmpException.Side.CLIENT);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.hint()).isNotBlank();
                    assertThat(e.getMessage()).contains("CDA_PATIENT_MISMATCH").contains("INS")
                            .doesNotContain(Fixtures.ins().value()).doesNotContain(INS_B.value())
                            .doesNotContain("PAT-TROIS").doesNotContain("DOMINIQUE").doesNotContain("MARTIN")
                            .doesNotContain("1979").doesNotContain("1968").doesNotContain("51215");
                });
    }

    @Test
    void theSameInsWithAnotherBirthDateNamesOnlyTheBirthDate() {
        PatientIdentity sameInsOtherDate = PatientIdentity.qualified(
                Fixtures.traits().toBuilder().birthDate("1979-03-29").build(), Fixtures.ins());

        assertThatThrownBy(() -> CdaDeposits.of(sameInsOtherDate, cdaForPatientA()))
                .isInstanceOfSatisfying(CdaPatientMismatchException.class,
                        e -> assertThat(e.fields()).containsExactly(PatientField.BIRTH_DATE));
    }

    @Test
    void theSameTraitsWithAnotherInsNamesOnlyTheIns() {
        PatientIdentity otherIns = PatientIdentity.qualified(Fixtures.traits(), INS_B);

        assertThatThrownBy(() -> CdaDeposits.of(otherIns, cdaForPatientA()))
                .isInstanceOfSatisfying(CdaPatientMismatchException.class,
                        e -> assertThat(e.fields()).containsExactly(PatientField.INS));
    }

    @Test
    void aCdaInsWithAWrongKeyNeverMatches() {
        String xml = new String(Fixtures.vector("VSM_1.4_2022.01.xml"), StandardCharsets.UTF_8)
                .replace("extension=\"279035121518989\"", "extension=\"279035121518988\"");

        assertThatThrownBy(() -> CdaDeposits.of(Fixtures.qualified(), xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CdaPatientMismatchException.class,
                        e -> assertThat(e.fields()).containsExactly(PatientField.INS));
    }

    @Test
    void theSecondDocumentOfADepositIsCheckedToo() {
        assertThatThrownBy(() -> CdaDeposits.of(Fixtures.qualified(), cdaForPatientA(),
                cdaForPatientB()))
                .isInstanceOfSatisfying(CdaPatientMismatchException.class,
                        e -> assertThat(e.documentIndex()).isEqualTo(1));
    }

    @Test
    void everyAnsVectorIsDepositedForItsOwnPatientWithItsDerivedMetadataAndCustodian() throws Exception {
        for (String v : Fixtures.VECTORS) {
            byte[] bytes = Fixtures.vector(v);

            Deposit d = CdaDeposits.of(Fixtures.qualified(), bytes).build();

            assertThat(d.ins()).isEqualTo(Fixtures.ins());
            assertThat(d.documents()).singleElement().satisfies(doc -> {
                assertThat(doc.metadata()).isEqualTo(CdaMetadata.derive(CdaReader.read(bytes)));
                assertThat(doc.bytes()).isEqualTo(bytes);
            });
            assertThat(d.custodian()).isEqualTo(CdaMetadata.custodian(CdaReader.read(bytes))
                    .or(() -> d.submissionAuthor().professional().organization()));
        }
        Deposit n1 = CdaDeposits.of(Fixtures.qualified(), Fixtures.vector("DOC_NON_STRUCTURE_CDA-R2-N1.xml")).build();
        assertThat(n1.custodian()).contains(Organization.of("1120459876", "Laboratoire des charmes"));
    }

    @Test
    void aCdaBuiltFromTheQualifiedIdentityMatchesIt() throws Exception {
        Deposit d = CdaDeposits.defaults().prepare(PATIENT_B, List.of(cdaForPatientB())).build();
        assertThat(d.ins()).isEqualTo(INS_B);
    }

    @Test
    void deeplyNestedCdaIsRefusedWithTypedErrorBeforeMetadataDerivation() {
        assertThatThrownBy(() -> CdaDeposits.of(Fixtures.qualified(), Fixtures.vsmWithDeepTitle(10_000)))
                .isInstanceOfSatisfying(CdaParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(CdaParseException.Reason.TOO_DEEP));
    }

    @Test
    void anIdentityThatIsNotQualifiedIsRefusedFirst() {
        assertThatThrownBy(() -> CdaDeposits.of(PatientIdentity.provisional(Fixtures.traits()), cdaForPatientA()))
                .isInstanceOf(IdentityNotQualifiedException.class);
    }

    @Test
    void usedNamesAreNeverCompared() throws Exception {
        PatientIdentity withUsedName = PatientIdentity.qualified(
                Fixtures.traits().toBuilder().usedName("DUPONT").build(), Fixtures.ins());
        assertThat(CdaDeposits.of(withUsedName, Fixtures.vector("VSM_1.4_2022.01.xml")).build().documents())
                .hasSize(1);
    }

    private static byte[] cdaForPatientB() {
        return CdaDocuments.n1Pdf(Fixtures.header(PATIENT_B)
                .documentType(Code.of(CodeSystems.LOINC, "11488-4", "CR de consultation")).build(), Fixtures.pdf())
                .toBytes();
    }
}
