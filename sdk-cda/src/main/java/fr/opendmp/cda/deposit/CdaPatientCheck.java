package fr.opendmp.cda.deposit;

import fr.opendmp.cda.InstanceId;
import fr.opendmp.cda.read.CdaPatient;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.core.ins.InvalidMatriculeException;
import fr.opendmp.core.ins.InvalidTraitException;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Trait;
import fr.opendmp.core.ins.TraitNormalization;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Compares the patient of a CDA header with a qualified identity: the INS (every patient id whose
 * root is an INS OID must be that INS) and the strict traits after the RNIV normalisation (birth
 * name, first birth first name, list of birth first names, birth date, sex, birth place). Used
 * names are never compared.
 *
 * <pre>{@code
 * List<PatientField> diff = CdaPatientCheck.differences(cda.header().patient(), identity.traits(), ins);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class CdaPatientCheck {

    private CdaPatientCheck() {
    }

    /**
     * @param cdaPatient the CDA's patient, if its header has one
     * @param identity the deposit's identity (must be qualified)
     * @return the fields that differ, empty when the CDA names this patient
     * @throws fr.opendmp.core.ins.IdentityNotQualifiedException if the identity is not qualified
     */
    public static List<PatientField> differences(Optional<CdaPatient> cdaPatient, PatientIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        return differences(cdaPatient, identity.traits(), identity.requireQualified());
    }

    /**
     * @param cdaPatient the CDA's patient, if its header has one
     * @param traits the identity's traits
     * @param ins the identity's INS
     * @return the fields that differ, empty when the CDA names this patient
     */
    public static List<PatientField> differences(Optional<CdaPatient> cdaPatient, IdentityTraits traits, Ins ins) {
        Objects.requireNonNull(cdaPatient, "cdaPatient");
        Objects.requireNonNull(traits, "traits");
        Objects.requireNonNull(ins, "ins");
        if (cdaPatient.isEmpty()) {
            return List.of(PatientField.PATIENT);
        }
        CdaPatient p = cdaPatient.get();
        Set<PatientField> diff = EnumSet.noneOf(PatientField.class);
        if (!sameIns(p.ids(), ins)) {
            diff.add(PatientField.INS);
        }
        IdentityTraits t = traits.strict();
        compare(diff, PatientField.BIRTH_NAME, t.birthName(),
                p.birthFamilyName().flatMap(n -> normalised(() -> TraitNormalization.name(Trait.BIRTH_NAME, n))));
        compare(diff, PatientField.FIRST_BIRTH_FIRST_NAME, t.firstBirthFirstName(), p.firstBirthGivenName()
                .flatMap(n -> normalised(() -> TraitNormalization.name(Trait.FIRST_BIRTH_FIRST_NAME, n))));
        compare(diff, PatientField.BIRTH_FIRST_NAMES, t.birthFirstNamesText(),
                p.birthGivenNames().isEmpty() ? Optional.empty() : normalised(() -> String.join(" ",
                        TraitNormalization.firstNameList(String.join(" ", p.birthGivenNames())))));
        compare(diff, PatientField.BIRTH_DATE, t.birthDate(), p.birthTime().flatMap(CdaPatientCheck::isoDate));
        compare(diff, PatientField.SEX, t.sex().code(), p.gender().map(g -> g.strip().toUpperCase(Locale.ROOT)));
        Optional<String> place = p.birthPlaceCode().flatMap(c -> normalised(() -> TraitNormalization.birthPlace(c)));
        if (!t.birthPlaceCode().equals(place)) {
            diff.add(PatientField.BIRTH_PLACE);
        }
        return List.copyOf(diff);
    }

    private static boolean sameIns(List<InstanceId> ids, Ins ins) {
        boolean any = false;
        for (InstanceId id : ids) {
            Optional<InsOid> oid = InsOid.find(id.root());
            if (oid.isEmpty()) {
                continue;
            }
            any = true;
            if (oid.get() != ins.oid() || id.extension().isEmpty()) {
                return false;
            }
            try {
                if (!InsMatricule.parse(id.extension().get(), oid.get().kind()).value().equals(ins.value())) {
                    return false;
                }
            } catch (InvalidMatriculeException e) {
                return false;
            }
        }
        return any;
    }

    private static void compare(Set<PatientField> diff, PatientField field, String expected, Optional<String> actual) {
        if (!actual.filter(expected::equals).isPresent()) {
            diff.add(field);
        }
    }

    private static Optional<String> normalised(Supplier<String> normalisation) {
        try {
            return Optional.of(normalisation.get());
        } catch (InvalidTraitException e) {
            return Optional.empty();
        }
    }

    /** {@code YYYYMMDD[…]}, {@code YYYYMM} or {@code YYYY} (as the SDK writes unknown parts) → {@code YYYY-MM-DD}. */
    private static Optional<String> isoDate(String birthTime) {
        String v = birthTime.strip();
        if (!v.matches("[0-9]{4}([0-9]{2}([0-9]{2}.*)?)?")) {
            return Optional.empty();
        }
        String year = v.substring(0, 4);
        String month = v.length() >= 6 ? v.substring(4, 6) : "00";
        String day = v.length() >= 8 ? v.substring(6, 8) : "00";
        return normalised(() -> TraitNormalization.birthDate(year + "-" + month + "-" + day));
    }
}
