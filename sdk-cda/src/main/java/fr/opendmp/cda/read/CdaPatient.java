package fr.opendmp.cda.read;

import fr.opendmp.cda.InstanceId;
import fr.opendmp.core.ins.Ins;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The patient of a CDA ({@code recordTarget/patientRole}). {@link #toString()} masks every trait.
 *
 * @param ids every {@code patientRole/id} (INS and local ids)
 * @param ins the INS, when an id has an INS root and a valid matricule
 * @param birthFamilyName {@code family @qualifier="BR"}
 * @param birthGivenNames the {@code given} elements without qualifier (birth-certificate given names)
 * @param firstBirthGivenName {@code given @qualifier="BR"}
 * @param usedFamilyName {@code family @qualifier="CL"}
 * @param usedGivenName {@code given @qualifier="CL"}
 * @param birthTime {@code birthTime/@value} as written (e.g. {@code 19790328})
 * @param gender {@code administrativeGenderCode/@code} (M, F, U)
 * @param birthPlaceCode {@code birthplace/place/addr/county} (INSEE COG code)
 */
public record CdaPatient(List<InstanceId> ids, Optional<Ins> ins, Optional<String> birthFamilyName,
        List<String> birthGivenNames, Optional<String> firstBirthGivenName, Optional<String> usedFamilyName,
        Optional<String> usedGivenName, Optional<String> birthTime, Optional<String> gender,
        Optional<String> birthPlaceCode) {

    /**
     * Checks presence and copies the lists.
     * @param ids every {@code patientRole/id} (INS and local ids)
     * @param ins the INS, when an id has an INS root and a valid matricule
     * @param birthFamilyName {@code family @qualifier="BR"}
     * @param birthGivenNames the {@code given} elements without qualifier (birth-certificate given names)
     * @param firstBirthGivenName {@code given @qualifier="BR"}
     * @param usedFamilyName {@code family @qualifier="CL"}
     * @param usedGivenName {@code given @qualifier="CL"}
     * @param birthTime {@code birthTime/@value} as written (e.g. {@code 19790328})
     * @param gender {@code administrativeGenderCode/@code} (M, F, U)
     * @param birthPlaceCode {@code birthplace/place/addr/county} (INSEE COG code)
     */
    public CdaPatient {
        ids = List.copyOf(ids);
        Objects.requireNonNull(ins, "ins");
        Objects.requireNonNull(birthFamilyName, "birthFamilyName");
        birthGivenNames = List.copyOf(birthGivenNames);
        Objects.requireNonNull(firstBirthGivenName, "firstBirthGivenName");
        Objects.requireNonNull(usedFamilyName, "usedFamilyName");
        Objects.requireNonNull(usedGivenName, "usedGivenName");
        Objects.requireNonNull(birthTime, "birthTime");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(birthPlaceCode, "birthPlaceCode");
    }

    /** @return the ids that are not an INS (local IPP and others) */
    public List<InstanceId> localIds() {
        return ids.stream().filter(i -> fr.opendmp.core.ins.InsOid.find(i.root()).isEmpty()).toList();
    }

    /** Every trait masked. */
    @Override
    public String toString() {
        return "CdaPatient[" + ins.map(Ins::toString).orElse("no INS") + ", traits ***]";
    }
}
