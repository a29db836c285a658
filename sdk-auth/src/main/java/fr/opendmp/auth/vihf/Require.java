package fr.opendmp.auth.vihf;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import java.util.Objects;

/** The checks of this package: text present, and what a VIHF needs of the shared professional and structure. */
final class Require {

    private Require() {
    }

    static void text(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /**
     * A VIHF names the professional ({@code subject-id}) and gives its roles: the profession, then
     * the specialty for physicians (10) and pharmacists (21) of TRE_G15; every role needs a
     * display name and a code system OID.
     */
    static Professional vihfProfessional(Professional p) {
        if (p.displayName().isEmpty()) {
            throw new IllegalArgumentException("a VIHF needs the professional's name (subject-id)");
        }
        Code profession = p.profession().orElseThrow(
                () -> new IllegalArgumentException("a VIHF needs the professional's profession (first role)"));
        role(profession);
        boolean g15 = CodeSystems.sameSystem(profession.system(), CodeSystems.TRE_G15);
        if (g15 && ("10".equals(profession.code()) || "21".equals(profession.code())) && p.specialty().isEmpty()) {
            throw new IllegalArgumentException("profession " + profession.code()
                    + " needs a specialty (or the pharmacist's section) in a VIHF");
        }
        p.specialty().ifPresent(Require::role);
        return p;
    }

    private static void role(Code role) {
        if (role.display().isBlank()) {
            throw new IllegalArgumentException("a VIHF role needs a display name: " + role.code());
        }
        if (role.systemOid().filter(oid -> oid.matches("[0-2](\\.\\d+)+")).isEmpty()) {
            throw new IllegalArgumentException("a VIHF role's code system must have an OID: " + role.system());
        }
    }

    /** A VIHF gives the structure's {@code Identifiant_Structure} and its {@code Secteur_Activite} as {@code code^OID}. */
    static Organization vihfStructure(Organization o) {
        Code sector = o.sector().orElseThrow(() -> new IllegalArgumentException(
                "a VIHF needs the structure's activity sector (Secteur_Activite, TRE_R02)"));
        if (sector.systemOid().filter(oid -> oid.matches("[0-2](\\.\\d+)+")).isEmpty()) {
            throw new IllegalArgumentException("the activity sector's code system must have an OID, e.g. "
                    + CodeSystems.TRE_R02_OID);
        }
        return o;
    }
}
