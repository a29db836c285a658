package fr.opendmp.auth.vihf;

import fr.opendmp.core.party.Professional;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.ins.Ins;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds a {@link Vihf}; each setting may be given once. Required: professional, structure,
 * software, and (for the DMP) the patient. Defaults: DMP profile, {@code INDIRECTE} mode with the
 * {@code Password} context, normal access, 5-minute validity, system clock.
 *
 * <pre>{@code
 * Vihf vihf = VihfBuilder.create()
 *         .professional(doctor).structure(hospital).software(lps)
 *         .patient(ins).access(AccessContext.normal())
 *         .build();
 * }</pre>
 */
public final class VihfBuilder {

    /** The default validity: short, the VIHF is made per request and cached. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(5);

    /** The "AIR simplifié" declaration (PGSSI-S compliance), EX_AIR-050. */
    public static final String AIR_SIMPLIFIED = "CONF_EXI_PGSSIS";

    private Professional professional;
    private Organization structure;
    private Software software;
    private Ins patient;
    private AccessContext access;
    private AuthenticationMode mode;
    private String authnContextClassRef;
    private Instant authnInstant;
    private VihfProfile profile;
    private Duration validity;
    private Clock clock;
    private String id;
    private String authnContextDecl;
    private String confidentialityCode;

    private VihfBuilder() {
    }

    /**
     * @return a new builder
     */
    public static VihfBuilder create() {
        return new VihfBuilder();
    }

    private static void once(Object current, String name) {
        if (current != null) {
            throw new IllegalStateException(name + " was already set");
        }
    }

    /**
     * @param value who calls: with its names, its profession (TRE_G15) and, for physicians and
     *     pharmacists, its specialty (TRE_R38), each with a display name
     * @return this builder
     * @throws IllegalArgumentException if the professional lacks what a VIHF needs
     */
    public VihfBuilder professional(Professional value) {
        once(professional, "professional");
        professional = Require.vihfProfessional(Objects.requireNonNull(value, "professional"));
        return this;
    }

    /**
     * @param value the structure, with its activity sector (TRE_R02 {@code Secteur_Activite})
     * @return this builder
     * @throws IllegalArgumentException if the structure has no activity sector with an OID
     */
    public VihfBuilder structure(Organization value) {
        once(structure, "structure");
        structure = Require.vihfStructure(Objects.requireNonNull(value, "structure"));
        return this;
    }

    /**
     * @param value the calling software
     * @return this builder
     */
    public VihfBuilder software(Software value) {
        once(software, "software");
        software = Objects.requireNonNull(value, "software");
        return this;
    }

    /**
     * @param value the patient
     * @return this builder
     */
    public VihfBuilder patient(Ins value) {
        once(patient, "patient");
        patient = Objects.requireNonNull(value, "patient");
        return this;
    }

    /**
     * @param value the access mode (default normal)
     * @return this builder
     */
    public VihfBuilder access(AccessContext value) {
        once(access, "access");
        access = Objects.requireNonNull(value, "access");
        return this;
    }

    /**
     * @param value the authentication mode (default {@code INDIRECTE})
     * @return this builder
     */
    public VihfBuilder mode(AuthenticationMode value) {
        once(mode, "mode");
        mode = Objects.requireNonNull(value, "mode");
        return this;
    }

    /**
     * @param value the AuthnContextClassRef (default: SmartcardPKI in direct mode, Password otherwise)
     * @return this builder
     */
    public VihfBuilder authnContextClassRef(String value) {
        once(authnContextClassRef, "authnContextClassRef");
        authnContextClassRef = Objects.requireNonNull(value, "authnContextClassRef");
        return this;
    }

    /**
     * @param value when the user logged in (default: now)
     * @return this builder
     */
    public VihfBuilder authnInstant(Instant value) {
        once(authnInstant, "authnInstant");
        authnInstant = Objects.requireNonNull(value, "authnInstant");
        return this;
    }

    /**
     * @param value the service profile (default DMP)
     * @return this builder
     */
    public VihfBuilder profile(VihfProfile value) {
        once(profile, "profile");
        profile = Objects.requireNonNull(value, "profile");
        return this;
    }

    /**
     * @param value validity, 1 s to 1 h (default 5 min)
     * @return this builder
     */
    public VihfBuilder validity(Duration value) {
        once(validity, "validity");
        Objects.requireNonNull(value, "validity");
        if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("a VIHF validity must be between 1 s and 1 h: " + value);
        }
        validity = value;
        return this;
    }

    /**
     * @param value the clock (default system UTC)
     * @return this builder
     */
    public VihfBuilder clock(Clock value) {
        once(clock, "clock");
        clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * @param value the assertion ID (default {@code _<uuid>})
     * @return this builder
     */
    public VihfBuilder id(String value) {
        once(id, "id");
        id = Objects.requireNonNull(value, "id");
        return this;
    }

    /**
     * @param value the AIR declaration (default for {@code INDIRECTE_RENFORCEE}: {@code CONF_EXI_PGSSIS},
     *     "AIR simplifié"; unsure)
     * @return this builder
     */
    public VihfBuilder authnContextDecl(String value) {
        once(authnContextDecl, "authnContextDecl");
        authnContextDecl = Objects.requireNonNull(value, "authnContextDecl");
        return this;
    }

    /**
     * @param value the patient confidentiality code ("secret connection" feature; format unsure)
     * @return this builder
     */
    public VihfBuilder confidentialityCode(String value) {
        once(confidentialityCode, "confidentialityCode");
        confidentialityCode = Objects.requireNonNull(value, "confidentialityCode");
        return this;
    }

    /**
     * @return the checked VIHF
     * @throws IllegalStateException if a required part is missing
     * @throws IllegalArgumentException if the parts are inconsistent (e.g. DMP without patient)
     */
    public Vihf build() {
        if (professional == null || structure == null || software == null) {
            throw new IllegalStateException("a VIHF needs professional, structure and software");
        }
        AuthenticationMode m = mode != null ? mode : AuthenticationMode.INDIRECTE;
        Instant now = (clock != null ? clock : Clock.systemUTC()).instant().truncatedTo(ChronoUnit.MILLIS);
        String context = authnContextClassRef != null ? authnContextClassRef
                : m == AuthenticationMode.DIRECTE ? VihfAttributes.AC_SMARTCARD : VihfAttributes.AC_PASSWORD;
        if (VihfAttributes.AC_SMARTCARD.equals(context) && m != AuthenticationMode.DIRECTE) {
            throw new IllegalArgumentException("SmartcardPKI is only for the DIRECTE mode");
        }
        return new Vihf(id != null ? id : "_" + UUID.randomUUID(), now,
                now.plus(validity != null ? validity : DEFAULT_VALIDITY),
                authnInstant != null ? authnInstant : now, context, m,
                profile != null ? profile : VihfProfile.DMP, professional, structure, software,
                Optional.ofNullable(patient), access != null ? access : AccessContext.normal(),
                Optional.ofNullable(authnContextDecl != null ? authnContextDecl
                        : m == AuthenticationMode.INDIRECTE_RENFORCEE ? AIR_SIMPLIFIED : null),
                Optional.ofNullable(confidentialityCode));
    }
}
