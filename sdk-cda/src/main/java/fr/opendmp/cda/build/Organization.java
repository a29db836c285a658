package fr.opendmp.cda.build;

import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.cda.InstanceId;
import java.util.Objects;

/**
 * An organisation of the header (custodian, the author's structure).
 *
 * @param id its id, normally IdNat_Struct: root {@code 1.2.250.1.71.4.2.2}, extension = type digit +
 *     FINESS/SIRET…
 * @param name its name
 */
public record Organization(InstanceId id, String name) {

    /** The OID of IdNat_Struct. */
    public static final String ID_NAT_STRUCT = CodeSystems.ID_NAT_STRUCT.substring("urn:oid:".length());

    /**
     * Checks both parts.
     * @param id its id, normally IdNat_Struct: root {@code 1.2.250.1.71.4.2.2}, extension = type digit +
     *     FINESS/SIRET…
     * @param name its name
     */
    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an organisation needs a name");
        }
    }

    /**
     * @param idNatStruct the id nat struct
     * @param name its name
     * @return an organisation identified by its IdNat_Struct (e.g. {@code 1} + FINESS)
     */
    public static Organization of(String idNatStruct, String name) {
        return new Organization(InstanceId.of(ID_NAT_STRUCT, idNatStruct), name);
    }
}
