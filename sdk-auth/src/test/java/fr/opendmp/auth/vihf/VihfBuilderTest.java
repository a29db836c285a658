package fr.opendmp.auth.vihf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.ins.Ins;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VihfBuilderTest {

    static final Professional DOCTOR = new Professional("899700366240", "TEST Paul",
            List.of(CodedValue.profession("10", "Médecin"), CodedValue.specialty("SM26", "MG")));
    static final Structure STRUCTURE = new Structure("10B0167011", "SA07^1.2.250.1.71.4.2.4");
    static final Software LPS = new Software("OpenDMP", "1.0", "KIR-1", Optional.empty());
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    VihfBuilder complete() {
        return VihfBuilder.create().professional(DOCTOR).structure(STRUCTURE).software(LPS)
                .patient(Ins.nir("279119913400976")).clock(CLOCK);
    }

    @Test
    void defaultsAreIndirectPasswordNormalDmpAndFiveMinutes() {
        Vihf vihf = complete().build();

        assertThat(vihf.mode()).isEqualTo(AuthenticationMode.INDIRECTE);
        assertThat(vihf.authnContextClassRef()).isEqualTo(VihfAttributes.AC_PASSWORD);
        assertThat(vihf.profile()).isEqualTo(VihfProfile.DMP);
        assertThat(vihf.issueInstant()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
        assertThat(vihf.notOnOrAfter()).isEqualTo(vihf.issueInstant().plus(Duration.ofMinutes(5)));
        assertThat(vihf.id()).startsWith("_");
    }

    @Test
    void directModeDefaultsToSmartcardAndSmartcardIsRefusedOtherwise() {
        assertThat(complete().mode(AuthenticationMode.DIRECTE).build().authnContextClassRef())
                .isEqualTo(VihfAttributes.AC_SMARTCARD);
        assertThatThrownBy(() -> complete().authnContextClassRef(VihfAttributes.AC_SMARTCARD).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DIRECTE");
    }

    @Test
    void dmpVihfWithoutPatientIsRefused() {
        assertThatThrownBy(() -> VihfBuilder.create().professional(DOCTOR).structure(STRUCTURE).software(LPS).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INS");
    }

    @Test
    void insiProfileNeedsNoPatient() {
        Vihf vihf = VihfBuilder.create().professional(DOCTOR).structure(STRUCTURE).software(LPS)
                .profile(VihfProfile.INSI).build();

        assertThat(vihf.patient()).isEmpty();
    }

    @Test
    void missingPartsAndSettingsGivenTwiceAreRefused() {
        assertThatThrownBy(() -> VihfBuilder.create().professional(DOCTOR).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> VihfBuilder.create().professional(DOCTOR).professional(DOCTOR))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set");
        assertThatThrownBy(() -> complete().validity(Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void physicianWithoutSpecialtyIsRefused() {
        assertThatThrownBy(() -> new Professional("899700366240", "X", List.of(CodedValue.profession("10", "Médecin"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("second role");
    }

    @Test
    void malformedValuesAreRefusedAtConstruction() {
        assertThatThrownBy(() -> new Structure("10B0167011", "SA07")).hasMessageContaining("code^OID");
        assertThatThrownBy(() -> CodedValue.of("10", "not-an-oid", "x")).hasMessageContaining("OID");
        assertThatThrownBy(() -> complete().id("1-starts-with-digit").build()).hasMessageContaining("NCName");
    }

    @Test
    void airModeCarriesThePgssisDeclarationByDefaultAndOnlyAirMayCarryOne() {
        assertThat(complete().mode(AuthenticationMode.INDIRECTE_RENFORCEE).build().authnContextDecl())
                .contains(VihfBuilder.AIR_SIMPLIFIED);
        assertThat(complete().build().authnContextDecl()).isEmpty();
        assertThatThrownBy(() -> complete().authnContextDecl("CONF_EXI_PGSSIS").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INDIRECTE_RENFORCEE");
    }

    @Test
    void professionalToStringHidesTheName() {
        assertThat(DOCTOR.toString()).doesNotContain("Paul");
    }
}
