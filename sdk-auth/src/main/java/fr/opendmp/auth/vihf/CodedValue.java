package fr.opendmp.auth.vihf;

import fr.opendmp.core.code.CodeSystems;
import java.util.Objects;
import java.util.Optional;

/**
 * An HL7v3 {@code CE} value of a VIHF role or purpose of use.
 *
 * @param code the code, e.g. {@code 10}
 * @param codeSystem the OID of the code system, e.g. {@code 1.2.250.1.71.1.2.7}
 * @param codeSystemName the code system's name, if given
 * @param displayName the display name, e.g. {@code Médecin}
 */
public record CodedValue(String code, String codeSystem, Optional<String> codeSystemName, String displayName) {

    /** TRE_G15 ProfessionSante. */
    public static final String PROFESSION_SANTE = bare(CodeSystems.TRE_G15);
    /** TRE_R01 EnsembleSavoirFaire_CISIS (specialties). */
    public static final String SAVOIR_FAIRE = bare(CodeSystems.TRE_R38);
    /** TRE_R248 ModeAcces. */
    public static final String MODE_ACCES = bare(CodeSystems.TRE_R248);

    /**
     * Checks that code, system and display name are present and not blank.
     * @param code the code, e.g. {@code 10}
     * @param codeSystem the OID of the code system, e.g. {@code 1.2.250.1.71.1.2.7}
     * @param codeSystemName the code system's name, if given
     * @param displayName the display name, e.g. {@code Médecin}
     */
    public CodedValue {
        requireText(code, "code");
        requireText(codeSystem, "codeSystem");
        Objects.requireNonNull(codeSystemName, "codeSystemName");
        requireText(displayName, "displayName");
        if (!codeSystem.matches("[0-2](\\.\\d+)+")) {
            throw new IllegalArgumentException("codeSystem must be a dotted OID: " + codeSystem);
        }
    }

    /**
     * @param code the code, e.g. {@code 10}
     * @param codeSystem the OID of the code system, e.g. {@code 1.2.250.1.71.1.2.7}
     * @param displayName the display name, e.g. {@code Médecin}
     * @return a value without a code system name
     */
    public static CodedValue of(String code, String codeSystem, String displayName) {
        return new CodedValue(code, codeSystem, Optional.empty(), displayName);
    }

    /**
     * @param code the code, e.g. {@code 10}
     * @param displayName the display name, e.g. {@code Médecin}
     * @return a profession (TRE_G15), e.g. {@code profession("10", "Médecin")}
     */
    public static CodedValue profession(String code, String displayName) {
        return of(code, PROFESSION_SANTE, displayName);
    }

    /**
     * @param code the code, e.g. {@code 10}
     * @param displayName the display name, e.g. {@code Médecin}
     * @return a specialty (TRE_R01), e.g. {@code specialty("SM26", "Qualifié en médecine générale")}
     */
    public static CodedValue specialty(String code, String displayName) {
        return of(code, SAVOIR_FAIRE, displayName);
    }

    static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static String bare(String oidUrn) {
        return oidUrn.substring("urn:oid:".length());
    }
}
