package fr.opendmp.cda.read;

import fr.opendmp.cda.InstanceId;
import fr.opendmp.core.code.Code;
import java.util.Objects;
import java.util.Optional;

/**
 * An organisation read from a CDA header ({@code representedOrganization}, custodian, scoping
 * organisation).
 *
 * @param id its id (IdNat_Struct: root {@code 1.2.250.1.71.4.2.2}), if any
 * @param name its name, if any
 * @param standardIndustryClassCode its practice setting ({@code standardIndustryClassCode}), if any
 */
public record CdaOrganization(Optional<InstanceId> id, Optional<String> name,
        Optional<Code> standardIndustryClassCode) {

    /**
     * Checks presence of the optionals.
     * @param id its id (IdNat_Struct: root {@code 1.2.250.1.71.4.2.2}), if any
     * @param name its name, if any
     * @param standardIndustryClassCode its practice setting ({@code standardIndustryClassCode}), if any
     */
    public CdaOrganization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(standardIndustryClassCode, "standardIndustryClassCode");
    }
}
