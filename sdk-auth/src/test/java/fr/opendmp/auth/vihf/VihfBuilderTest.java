package fr.opendmp.auth.vihf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VihfBuilderTest {

    static final Professional DOCTOR = Professional.of("899700366240", "Paul", "TEST").withProfession(Code.of(CodeSystems.TRE_G15, "10", "Médecin"))
                .withSpecialty(Code.of(CodeSystems.TRE_R38, "SM26", "MG"));
    static final Organization STRUCTURE = Organization.of("10B0167011").withSector(Code.of(CodeSystems.TRE_R02, "SA07", "Secteur SA07"));
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
        Professional noSpecialty = Professional.of("899700366240", "Paul", "TEST")
                .withProfession(Code.of(CodeSystems.TRE_G15, "10", "Médecin"));
        assertThatThrownBy(() -> VihfBuilder.create().professional(noSpecialty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a specialty");
    }

    @Test
    void aProfessionalWithoutProfessionOrNameIsRefusedWhereTheVihfIsBuilt() {
        assertThatThrownBy(() -> VihfBuilder.create().professional(Professional.of("899700366240", "Paul", "TEST")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("profession");
        assertThatThrownBy(() -> VihfBuilder.create().professional(Professional.of("899700366240")
                .withProfession(Code.of(CodeSystems.TRE_G15, "60", "Infirmier"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void malformedValuesAreRefusedAtConstruction() {
        assertThatThrownBy(() -> VihfBuilder.create().structure(Organization.of("10B0167011")))
                .hasMessageContaining("activity sector");
        assertThatThrownBy(() -> VihfBuilder.create().structure(Organization.of("10B0167011")
                .withSector(Code.of("http://example.org/sectors", "SA07")))).hasMessageContaining("OID");
        assertThatThrownBy(() -> VihfBuilder.create().professional(Professional.of("899700366240", "Paul", "TEST")
                .withProfession(Code.of("http://example.org/professions", "60", "x")))).hasMessageContaining("OID");
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
