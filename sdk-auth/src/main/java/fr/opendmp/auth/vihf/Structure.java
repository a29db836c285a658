package fr.opendmp.auth.vihf;

/**
 * The care structure the call is made for.
 *
 * @param id {@code Identifiant_Structure}: Struct_IdNat (e.g. {@code 10B0167011}), the {@code OU} of
 *     the structure's certificates
 * @param secteurActivite {@code Secteur_Activite} as {@code code^OID}, e.g.
 *     {@code SA07^1.2.250.1.71.4.2.4}
 */
public record Structure(String id, String secteurActivite) {

    /**
     * Checks the id and the {@code code^OID} form of the sector.
     * @param id {@code Identifiant_Structure}: Struct_IdNat (e.g. {@code 10B0167011}), the {@code OU} of
     *     the structure's certificates
     * @param secteurActivite {@code Secteur_Activite} as {@code code^OID}, e.g. {@code
     *     SA07^1.2.250.1.71.4.2.4}
     */
    public Structure {
        CodedValue.requireText(id, "id");
        CodedValue.requireText(secteurActivite, "secteurActivite");
        if (!secteurActivite.matches("[^^]+\\^[0-2](\\.\\d+)+")) {
            throw new IllegalArgumentException("secteurActivite must be code^OID, e.g. SA07^1.2.250.1.71.4.2.4");
        }
    }
}
